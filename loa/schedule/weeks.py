"""ISO weeks as the schedule names them ("2026-W49"), in the portal's time zone."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """"2026-W49" -> IsoWeek(2026, 49); ValueError for anything else or a week the year lacks."""
        match = WEEK_RE.match((text or "").strip().upper())
        if not match:
            raise ValueError(f"not an ISO week: {text!r}")
        week = cls(int(match.group(1)), int(match.group(2)))
        week.monday  # noqa: B018  raises ValueError for week 53 of a 52-week year, week 0, year 0
        return week

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def current(cls) -> IsoWeek:
        return cls.containing(timezone.localdate())

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.containing(self.monday + timedelta(weeks=weeks))

    def contains(self, day: date) -> bool:
        return self.monday <= day <= self.sunday

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def label(self) -> str:
        return f"Tuần {self.week} ({self.monday:%d/%m} – {self.sunday:%d/%m/%Y})"


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def next_local_midnight(now: datetime | None = None) -> datetime:
    now = timezone.localtime(now)
    tomorrow = now.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))
