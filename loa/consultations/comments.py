"""Comments on drafts: the public form and the notice to the responsible committee."""
from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from loa.core.cache import bump_content_version
from loa.participation.forms import CitizenForm, text_field
from loa.participation.notify import mail_enabled

from .records import CommentStatus, DraftComment

FORM_NAME = "draft-comment"
REFERENCE_PREFIX = "GY"


class CommentForm(CitizenForm):
    multiline_fields = ("content",)
    field_order = ["name", "email", "phone", "address", "section", "content", "consent"]

    section = text_field("Điều, khoản góp ý (không bắt buộc)", 200, required=False,
                         help_text="Ví dụ: Điều 3, khoản 2. Để trống nếu góp ý chung cho cả dự thảo.")
    content = text_field("Nội dung góp ý", 5000, multiline=True,
                         help_text="Không cần ghi họ tên, số điện thoại hay địa chỉ vào nội dung góp ý.")


def queue_comment_notice(comment: DraftComment) -> None:
    if not mail_enabled():
        return
    from .tasks import send_comment_notice

    comment_id = comment.pk
    transaction.on_commit(lambda: send_comment_notice.enqueue(comment_id))


def _comment_changed(sender, instance: DraftComment, created: bool, **kwargs) -> None:
    # A new comment is not shown until approved, so only moderation changes what visitors see.
    if not created:
        bump_content_version()


def _comment_deleted(sender, instance: DraftComment, **kwargs) -> None:
    if instance.status == CommentStatus.APPROVED:
        bump_content_version()


def connect() -> None:
    post_save.connect(_comment_changed, sender=DraftComment, dispatch_uid="loa-consultations-comment-saved")
    post_delete.connect(_comment_deleted, sender=DraftComment, dispatch_uid="loa-consultations-comment-deleted")
