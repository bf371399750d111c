"""Daily housekeeping: rotate salts, delete per-visitor state past retention, forget old batch ids,
roll the long tail of past days' pages and referrers into one row per day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from . import clock, conf
from .identity import forget_salts, salt_for
from .longtail import roll_up_long_tail
from .models import AppliedBatch, Salt, VisitorState


@dataclass(frozen=True)
class Housekeeping:
    salts_deleted: int
    visitor_states_deleted: int
    batches_deleted: int
    tail_rows_folded: int = 0


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
    folded = roll_up_long_tail(today)
    return Housekeeping(salts, states, batches, folded)
