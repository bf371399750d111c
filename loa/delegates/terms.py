"""The council's terms (khóa, numbered in Roman figures) and its delegation groups (tổ đại biểu)."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class Term(models.Model):
    """A term of the council (khóa), e.g. khóa X, 2021–2026."""

    number = models.PositiveSmallIntegerField("Khóa thứ", unique=True, help_text="Ví dụ: 10 cho khóa X.")
    start_year = models.PositiveSmallIntegerField("Năm bắt đầu")
    end_year = models.PositiveSmallIntegerField("Năm kết thúc")

    panels = [FieldPanel("number"), FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")])]
    api_fields = [APIField("number"), APIField("name"), APIField("start_year"), APIField("end_year")]

    class Meta:
        verbose_name = "khóa"
        verbose_name_plural = "khóa"
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_year}–{self.end_year})"

    @property
    def name(self) -> str:
        return f"Khóa {roman(self.number)}"

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Năm kết thúc không thể trước năm bắt đầu."})


class DelegationGroup(models.Model):
    """A tổ đại biểu: the delegates elected in one area, who meet voters together."""

    number = models.PositiveSmallIntegerField("Tổ số", unique=True)
    area = models.CharField("Địa bàn", max_length=200, help_text="Ví dụ: thành phố Tỉnh Lỵ.")

    panels = [FieldPanel("number"), FieldPanel("area")]
    api_fields = [APIField("number"), APIField("name"), APIField("area")]

    class Meta:
        verbose_name = "tổ đại biểu"
        verbose_name_plural = "tổ đại biểu"
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"Tổ đại biểu số {self.number} – {self.area}"
