"""The result of the last accessibility runs (axe-core), recorded by `loa record-axe`."""
from __future__ import annotations

from django.db import models


class AccessibilityRun(models.Model):
    ran_at = models.DateTimeField("Thời điểm kiểm tra", auto_now_add=True)
    pages = models.PositiveIntegerField("Số trang kiểm tra", default=0)
    violations = models.PositiveIntegerField("Số lỗi (vi phạm WCAG 2.1 AA)", default=0)
    summary = models.TextField("Tóm tắt lỗi", blank=True)

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = "Lần kiểm tra khả năng tiếp cận"
        verbose_name_plural = "Các lần kiểm tra khả năng tiếp cận"
        permissions = [("view_compliance", "Xem kiểm tra tuân thủ")]

    def __str__(self) -> str:
        return f"{self.ran_at:%d/%m/%Y %H:%M}: {self.violations} lỗi"
