"""The one place the stats app reads the time, so tests can set it."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.utils import timezone

_clock: Callable[[], datetime] | None = None


def now() -> datetime:
    return _clock() if _clock is not None else timezone.now()


def set_clock(clock: Callable[[], datetime] | None) -> None:
    """Make now() call `clock` (None restores the real time)."""
    global _clock
    _clock = clock


def local_day(moment: datetime | float) -> date:
    """The calendar day in TIME_ZONE of a datetime or a Unix timestamp."""
    if isinstance(moment, (int, float)):
        moment = datetime.fromtimestamp(moment, tz=timezone.get_default_timezone())
    return timezone.localtime(moment).date()


def today() -> date:
    return local_day(now())


def month_start(day: date) -> date:
    return day.replace(day=1)


def days_back(day: date, count: int) -> list[date]:
    """`count` days ending with `day`, oldest first."""
    return [day - timedelta(days=offset) for offset in range(count - 1, -1, -1)]
