"""The council's committees (ban): who answers questions and is responsible for drafts."""
from __future__ import annotations

from django.db import models


class Committee(models.Model):
    name = models.CharField("Tên ban", max_length=200, unique=True, help_text="Ví dụ: Ban Pháp chế HĐND tỉnh.")
    email = models.EmailField(
        "Thư điện tử nhận thông báo", blank=True,
        help_text="Câu hỏi được chuyển đến ban và góp ý cho dự thảo do ban chủ trì được báo về địa chỉ này "
                  "(khi máy chủ thư được cấu hình). Không hiển thị công khai.",
    )
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Ban của HĐND"
        verbose_name_plural = "Các ban của HĐND"

    def __str__(self) -> str:
        return self.name
