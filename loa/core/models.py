"""The core app's one table: task worker heartbeats, read by /healthz."""
from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running task worker (`loa db_worker`), touched every few seconds while it lives."""

    worker = models.CharField("tiến trình", max_length=128, unique=True)  # host:pid
    beat_at = models.DateTimeField("lần cuối báo còn chạy", db_index=True)

    class Meta:
        verbose_name = "nhịp của tiến trình nền"
        verbose_name_plural = "nhịp của các tiến trình nền"

    def __str__(self) -> str:
        return f"{self.worker} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"
