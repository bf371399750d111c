"""The council's committees (ban): who answers questions and is responsible for drafts."""
from __future__ import annotations

from django.db import models


class SortedByName(models.Model):
    """A short list the office keeps in its own order (committees, lĩnh vực…): `name`, `sort_order`."""

    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Committee(SortedByName):
    name = models.CharField("Tên ban", max_length=200, unique=True, help_text="Ví dụ: Ban Pháp chế HĐND tỉnh.")
    email = models.EmailField(
        "Thư điện tử nhận thông báo", blank=True,
        help_text="Câu hỏi được chuyển đến ban và góp ý cho dự thảo do ban chủ trì được báo về địa chỉ này "
                  "(khi máy chủ thư được cấu hình). Không hiển thị công khai.",
    )

    class Meta(SortedByName.Meta):
        verbose_name = "Ban của HĐND"
        verbose_name_plural = "Các ban của HĐND"


class RequestKind(models.TextChoices):
    ACCESS = "access", "Xem dữ liệu"
    WITHDRAW = "withdraw", "Rút lại đồng ý"
    DELETE = "delete", "Yêu cầu xoá"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Chờ xử lý"
    DONE = "done", "Đã thực hiện"
    REFUSED = "refused", "Từ chối (nêu lý do)"


class DataRequest(models.Model):
    """A citizen's request about a submission they sent, logged with the deadline the law sets.

    Holds the submission's reference and kind only: never the citizen's name or contacts.
    """

    kind = models.CharField("Loại yêu cầu", max_length=20, choices=RequestKind.choices, editable=False)
    submission_kind = models.CharField("Loại nội dung", max_length=40, editable=False)
    reference = models.CharField("Mã số nội dung", max_length=20, editable=False, db_index=True)
    received_at = models.DateTimeField("Nhận lúc", auto_now_add=True)
    due_at = models.DateTimeField("Hạn xử lý", editable=False)
    status = models.CharField("Tình trạng", max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN,
                              db_index=True)
    handled_at = models.DateTimeField("Xử lý lúc", null=True, blank=True, editable=False)
    note = models.TextField("Ghi chú của Văn phòng", blank=True, max_length=2000,
                            help_text="Bắt buộc khi từ chối: lý do theo quy định.")

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "Yêu cầu về dữ liệu cá nhân"
        verbose_name_plural = "Yêu cầu về dữ liệu cá nhân"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"

    @property
    def overdue(self) -> bool:
        from django.utils import timezone

        return self.status == RequestStatus.OPEN and self.due_at < timezone.now()
