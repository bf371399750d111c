"""Comments citizens send on drafts (private until the office approves them; contact details never public)."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from loa.participation.submissions import CitizenSubmission


class CommentStatus(models.TextChoices):
    RECEIVED = "received", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    REJECTED = "rejected", "Không duyệt"


class DraftComment(CitizenSubmission):
    closed_field = "draft__closes_at"
    draft = models.ForeignKey("consultations.DraftPage", verbose_name="Dự thảo", on_delete=models.CASCADE, related_name="comments")
    section = models.CharField("Điều, khoản góp ý", max_length=200, blank=True)
    content = models.TextField("Nội dung góp ý", max_length=5000)
    status = models.CharField("Trạng thái", max_length=20, choices=CommentStatus.choices,
                              default=CommentStatus.RECEIVED, db_index=True)
    note = models.TextField("Ghi chú của Văn phòng (nội bộ)", blank=True, max_length=2000)
    moderated_at = models.DateTimeField("Ngày duyệt", null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người duyệt", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+", editable=False)

    class Meta(CitizenSubmission.Meta):
        verbose_name = "Góp ý dự thảo"
        verbose_name_plural = "Góp ý dự thảo"

    def __str__(self) -> str:
        return f"{self.reference} ({self.draft.title})"

    def summary(self) -> list[tuple[str, str]]:
        return [("Dự thảo", self.draft.title), ("Điều, khoản", self.section), ("Nội dung góp ý", self.content),
                ("Tình trạng", self.get_status_display())]
