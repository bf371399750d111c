"""iCalendar (RFC 5545) export of the schedule with the `icalendar` package."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from .records import ScheduleEntry

PRODID = "-//Loa//Lich cong tac HDND//VI"


def entry_summary(entry: ScheduleEntry) -> str:
    marks = [mark for mark, on in (("Hoãn", entry.postponed), ("Điều chỉnh", entry.adjusted)) if on]
    prefix = f"[{', '.join(marks)}] " if marks else ""
    return prefix + entry.content


def entry_description(entry: ScheduleEntry) -> str:
    lines = [entry.content]
    for label, value in (("Lãnh đạo chủ trì", entry.leader), ("Thành phần", entry.participants),
                         ("Đơn vị chuẩn bị", entry.preparing_unit)):
        if value:
            lines.append(f"{label}: {value}")
    if entry.adjusted:
        lines.append(f"Điều chỉnh lúc {timezone.localtime(entry.adjusted_at):%H:%M %d/%m/%Y}.")
    return "\n".join(lines)


def build_calendar(entries: Iterable[ScheduleEntry], name: str, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    stamp = timezone.now()
    for entry in entries:
        event = Event()
        event.add("uid", f"lich-cong-tac-{entry.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(entry.starts_at()))
        ends = entry.ends_at()
        if ends is not None:
            event.add("dtend", timezone.localtime(ends))
        event.add("summary", entry_summary(entry))
        event.add("description", entry_description(entry))
        if entry.place:
            event.add("location", entry.place)
        event.add("sequence", entry.sequence)
        event.add("status", "CANCELLED" if entry.postponed else "CONFIRMED")
        if entry.adjusted_at:
            event.add("last-modified", entry.adjusted_at)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    if not calendar.subcomponents:
        # RFC 5545 requires at least one component: an empty week or feed still carries its time zone.
        calendar.add_component(Timezone.from_tzid(timezone.get_current_timezone_name()))
    return calendar.to_ical()
