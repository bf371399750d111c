"""Daily housekeeping: rotate salts, delete per-visitor state past retention, forget old batch ids."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from . import clock, conf
from .identity import forget_salts, salt_for
from .models import AppliedBatch, Salt, VisitorState


@dataclass(frozen=True)
class Housekeeping:
    salts_deleted: int
    visitor_states_deleted: int
    batches_deleted: int


def run_maintenance() -> Housekeeping:
    """Idempotent; safe to run from several processes at once."""
    now = clock.now()
    today = clock.local_day(now)
    salts, _ = Salt.objects.filter(day__lt=today - timedelta(days=1)).delete()
    forget_salts()
    salt_for(today, create=True)
    keep_days = max(1, int(conf.get("STATS_RETENTION_DAYS")))
    states, _ = VisitorState.objects.filter(day__lte=today - timedelta(days=keep_days)).delete()
    batches, _ = AppliedBatch.objects.filter(applied_at__lt=now - timedelta(days=7)).delete()
    return Housekeeping(salts, states, batches)
