"""The four numbers of the widget, cached for at most STATS_SUMMARY_CACHE_SECONDS.

The cached copy lives in the "limits" cache alias, which every process shares (Redis, else a
database table): consecutive requests answered by different workers see the same numbers.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.core.cache import caches
from django.db.models import Sum

from loa.core.ratelimit import ALIAS as SHARED_CACHE

from . import clock, conf
from .backends import get_collector
from .models import DailyTotal, StatsSettings

CACHE_KEY = "loa:stats:summary:v1"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Summary:
    online: int
    today: int
    month: int
    total: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def compute_summary() -> Summary:
    collector = get_collector()
    now = clock.now()
    today = clock.local_day(now)
    first = clock.month_start(today)
    month_days = [first + timedelta(days=n) for n in range((today - first).days + 1)]
    pending = collector.pending_visits(sorted({*month_days, today - timedelta(days=1)}))
    stored = dict(DailyTotal.objects.filter(day__gte=first, day__lte=today).values_list("day", "visits"))
    all_time = DailyTotal.objects.aggregate(total=Sum("visits"))["total"] or 0
    offset = StatsSettings.load().total_offset
    return Summary(
        online=collector.online(now),
        today=stored.get(today, 0) + pending.get(today, 0),
        month=sum(stored.values()) + sum(pending.get(day, 0) for day in month_days),
        total=all_time + sum(pending.values()) + offset,
    )


def get_summary() -> Summary:
    ttl = int(conf.get("STATS_SUMMARY_CACHE_SECONDS"))
    if ttl <= 0:
        return compute_summary()
    cache = caches[SHARED_CACHE]
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        return Summary(**cached)
    summary = compute_summary()
    cache.set(CACHE_KEY, summary.as_dict(), ttl)
    return summary


class LazySummary(Mapping):
    """The summary as a mapping, computed the first time a template reads it."""

    def __init__(self) -> None:
        self._data: dict[str, int] | None = None

    def _load(self) -> dict[str, int]:
        if self._data is None:
            try:
                self._data = get_summary().as_dict()
            except Exception:  # the sidebar box must never break a page
                log.exception("visitor statistics unavailable")
                self._data = Summary(0, 0, 0, 0).as_dict()
        return self._data

    def __getitem__(self, key: str) -> int:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())
