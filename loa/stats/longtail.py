"""Roll the long tail of past days' per-page and per-referrer rows into one row per day.

Every invented referrer host (and, with STATS_ONLY_LIVE_PAGES off, every invented path)
would otherwise stay a row forever. For each day before today that has more rows than
STATS_KEEP_PAGES_PER_DAY (pages) or STATS_KEEP_REFERRERS_PER_DAY (referrers), the top rows
are kept and the rest are summed into the row OTHER ("(khác)"), so totals stay exact.
Runs in the daily maintenance, under the flush lock (one process at a time).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, F

from . import conf, increments
from .models import DailyPageView, DailyReferrer

OTHER = "(khác)"  # no path starts with "(" and no host name contains one


@dataclass(frozen=True)
class Table:
    model: type
    key: str  # the column that names the page or the host
    count: str  # the counted column
    setting: str


TABLES = (
    Table(DailyPageView, "path", "views", "STATS_KEEP_PAGES_PER_DAY"),
    Table(DailyReferrer, "host", "visits", "STATS_KEEP_REFERRERS_PER_DAY"),
)


def _roll_day(table: Table, day: date, keep: int) -> int:
    rows = list(table.model.objects.filter(day=day).exclude(**{table.key: OTHER})
                .order_by(f"-{table.count}", table.key).values_list("id", table.count))
    tail = rows[keep:]
    if not tail:
        return 0
    ids = [row_id for row_id, _ in tail]
    total = sum(count for _, count in tail)
    for start in range(0, len(ids), 500):
        table.model.objects.filter(id__in=ids[start:start + 500]).delete()
    other, created = table.model.objects.get_or_create(day=day, **{table.key: OTHER}, defaults={table.count: total})
    if not created:
        table.model.objects.filter(pk=other.pk).update(**{table.count: F(table.count) + total})
    return len(ids)


def roll_up_long_tail(today: date) -> int:
    """Rows folded into OTHER rows, over every past day that had too many."""
    folded = 0
    for table in TABLES:
        keep = max(1, int(conf.get(table.setting)))
        days = (table.model.objects.filter(day__lt=today).values("day").annotate(n=Count("id"))
                .filter(n__gt=keep).values_list("day", flat=True))
        for day in list(days):
            with transaction.atomic():
                increments.take_flush_lock()
                folded += _roll_day(table, day, keep)
    return folded
