"""The editor's view of one comment: what was sent (read-only), then the decision."""
from __future__ import annotations

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel


class CommentAdminForm(WagtailAdminModelForm):
    def save(self, commit: bool = True):
        comment = super().save(commit=False)
        if "status" in self.changed_data:
            comment.moderated_at = timezone.now()
            comment.moderated_by = getattr(self, "for_user", None)
        comment.save()
        return comment


class CommentDetailsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "consultations/admin/details_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user if self.request else None
            context["comment"] = self.instance
            context["show_contact"] = bool(user and user.has_perm("consultations.view_personal_data"))
            return context
