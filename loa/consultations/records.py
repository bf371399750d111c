"""Comments citizens send on drafts (private until the office approves them; contact details never public)."""
from __future__ import annotations

from django.conf import settings
from django.db import models


class CommentStatus(models.TextChoices):
    RECEIVED = "received", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    REJECTED = "rejected", "Không duyệt"


class DraftComment(models.Model):
    draft = models.ForeignKey("consultations.DraftPage", verbose_name="Dự thảo", on_delete=models.CASCADE, related_name="comments")
    reference = models.CharField("Mã số", max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField("Ngày gửi", auto_now_add=True)
    # Personal data: never public, erased PARTICIPATION_CONTACT_RETENTION_DAYS after the deadline.
    name = models.CharField("Họ và tên", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", max_length=254, blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    consent_at = models.DateTimeField("Thời điểm đồng ý xử lý dữ liệu", editable=False)
    contact_erased_at = models.DateTimeField("Đã xoá thông tin liên hệ lúc", null=True, blank=True, editable=False)
    section = models.CharField("Điều, khoản góp ý", max_length=200, blank=True)
    content = models.TextField("Nội dung góp ý", max_length=5000)
    status = models.CharField("Trạng thái", max_length=20, choices=CommentStatus.choices,
                              default=CommentStatus.RECEIVED, db_index=True)
    note = models.TextField("Ghi chú của Văn phòng (nội bộ)", blank=True, max_length=2000)
    moderated_at = models.DateTimeField("Ngày duyệt", null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người duyệt", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+", editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Góp ý dự thảo"
        verbose_name_plural = "Góp ý dự thảo"
        permissions = [("view_personal_data", "Xem và xuất thông tin liên hệ của người góp ý")]

    def __str__(self) -> str:
        return f"{self.reference} ({self.draft.title})"

    @property
    def contact_erased(self) -> bool:
        return self.contact_erased_at is not None
