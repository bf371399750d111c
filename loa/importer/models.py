"""What was imported from where: one row per source item (its URL or GUID is the key) and per run."""
from __future__ import annotations

import hashlib

from django.db import models


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ImportRun(models.Model):
    kind = models.CharField("Nguồn", max_length=20)  # feed, wordpress, site
    source = models.TextField("Địa chỉ hoặc tệp")
    started_at = models.DateTimeField("Bắt đầu", auto_now_add=True)
    finished_at = models.DateTimeField("Kết thúc", null=True, blank=True)
    dry_run = models.BooleanField(default=False)
    counts = models.JSONField("Số lượng", default=dict)
    report_path = models.TextField("Báo cáo CSV", blank=True)

    class Meta:
        verbose_name = "lần nhập dữ liệu"
        verbose_name_plural = "lần nhập dữ liệu"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.source}"


class ImportedItem(models.Model):
    """A source item and the Loa page made from it; `content_hash` tells whether it changed since."""

    key = models.TextField("Khóa nguồn (URL/GUID)")
    key_hash = models.CharField(max_length=64, unique=True)
    kind = models.CharField("Loại", max_length=20)  # article, document, info
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    content_hash = models.CharField(max_length=64)
    old_url = models.TextField("Địa chỉ cũ", blank=True)
    date = models.DateTimeField("Ngày đăng", null=True, blank=True)
    run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="items")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mục đã nhập"
        verbose_name_plural = "mục đã nhập"
        indexes = [models.Index(fields=["kind", "date"], name="importer_kind_date_idx")]

    def __str__(self) -> str:
        return self.key
