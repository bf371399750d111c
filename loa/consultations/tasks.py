"""E-mail notice of a new comment to the draft's committee (or the office): no citizen data in it."""
from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from loa.participation.notify import admin_url, send_notice, staff_addresses

from .records import DraftComment


@task()
def send_comment_notice(comment_id: int) -> int:
    comment = DraftComment.objects.select_related("draft", "draft__committee").filter(pk=comment_id).first()
    if comment is None:
        return 0
    committee = comment.draft.committee
    recipients = [committee.email] if committee and committee.email else staff_addresses(
        "consultations.change_draftcomment")
    link = admin_url(reverse("draft_comments:edit", args=[comment.pk]))
    subject = f"Góp ý mới {comment.reference} cho dự thảo “{comment.draft.title}”"
    body = f"Cổng thông tin vừa nhận góp ý {comment.reference} cho dự thảo “{comment.draft.title}”.\nXem và duyệt: {link}\n"
    return send_notice(subject, body, recipients)
