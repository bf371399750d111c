"""The core app's shared state: concurrency slots, limiter counters, task worker heartbeats."""
from __future__ import annotations

from django.db import models


class ConcurrencySlot(models.Model):
    """One of the slots of a bounded kind of work (e.g. speech synthesis), shared by every process.

    A slot is taken by a conditional UPDATE and held under a lease: its holder renews
    `expires_at` while working, so a killed process frees its slot when the lease runs out.
    """

    scope = models.CharField(max_length=40)
    number = models.PositiveSmallIntegerField()
    holder = models.CharField(max_length=32, blank=True, default="")
    expires_at = models.FloatField(default=0.0)  # Unix seconds; a slot past its lease is free

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "number"], name="core_slot_scope_number")]

    def __str__(self) -> str:
        return f"{self.scope}#{self.number}"


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
