"""The short lists editors keep for the library (loại văn bản, cơ quan ban hành, lĩnh vực): its filters' values."""
from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField


class LookupBase(models.Model):
    """A short list editors keep (loại văn bản, cơ quan ban hành, lĩnh vực); `slug` is its value in filter URLs."""

    name = models.CharField("Tên", max_length=200, unique=True)
    slug = models.SlugField("Mã trên đường dẫn", max_length=100, unique=True, allow_unicode=False,
                            help_text="Chữ thường không dấu, ví dụ: nghi-quyet. Dùng trong bộ lọc (?loai=nghi-quyet).")
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class DocumentType(LookupBase):
    class Meta(LookupBase.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class IssuingBody(LookupBase):
    class Meta(LookupBase.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class DocumentField(LookupBase):
    class Meta(LookupBase.Meta):
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
