"""The core app's shared state: limiter counters, task worker heartbeats."""
from __future__ import annotations

from django.db import models


class LimitCounter(models.Model):
    """A request limiter's count for one client, scope and time window (when there is no Redis).

    Added to with one atomic INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so processes
    never lose each other's counts (a cache's get-then-set incr would).
    """

    key = models.CharField(max_length=120, primary_key=True)
    count = models.BigIntegerField(default=0)
    expires_at = models.FloatField(db_index=True)  # Unix seconds


class WorkerHeartbeat(models.Model):
    """One row per running task worker (`loa db_worker`), touched every few seconds while it lives."""

    worker = models.CharField("tiến trình", max_length=128, unique=True)  # host:pid
    beat_at = models.DateTimeField("lần cuối báo còn chạy", db_index=True)

    class Meta:
        verbose_name = "nhịp của tiến trình nền"
        verbose_name_plural = "nhịp của các tiến trình nền"

    def __str__(self) -> str:
        return f"{self.worker} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"
