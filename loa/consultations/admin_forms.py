"""The editor's view of one comment: what was sent (read-only), then the decision."""
from __future__ import annotations

from django.utils import timezone

from loa.participation.submission_admin import SubmissionAdminForm, SubmissionDetailsPanel


class CommentAdminForm(SubmissionAdminForm):
    def moderate(self, comment, user):
        if "status" in self.changed_data:
            comment.moderated_at = timezone.now()
            comment.moderated_by = user
        return super().moderate(comment, user)


class CommentDetailsPanel(SubmissionDetailsPanel):
    template_name = "consultations/admin/details_panel.html"
    object_name = "comment"
