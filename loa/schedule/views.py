"""/lich-cong-tac/: a week of the schedule, its .ics, and the subscription feed."""
from __future__ import annotations

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from loa.core.cache import limit_cache_lifetime

from .ical import build_calendar
from .records import WorkWeek, published_entries
from .weeks import IsoWeek, next_local_midnight, weekday_name

FEED_WEEKS_BEFORE = 8
FEED_WEEKS_AFTER = 12


def week_page(request: HttpRequest, page) -> HttpResponse:
    today = timezone.localdate()
    asked = request.GET.get("tuan", "")
    status, error = 200, ""
    try:
        week = IsoWeek.parse(asked) if asked else IsoWeek.current()
    except ValueError:
        week, status = IsoWeek.current(), 400
        error = "Tuần không hợp lệ (ví dụ đúng: ?tuan=2026-W49); đang hiện tuần này."
    entries = list(published_entries(week, week))
    by_day = {day: list(items) for day, items in groupby(entries, key=lambda e: e.day)}
    days = [{"date": day, "name": weekday_name(day), "entries": by_day.get(day, []), "today": day == today}
            for day in week.days()]
    if not any(d["entries"] for d in days[5:]):  # weekends only when something is planned
        days = days[:5]
    work_week = WorkWeek.objects.filter(year=week.year, week=week.week, published=True).first()
    limit_cache_lifetime(request, next_local_midnight())  # "today" moves at midnight
    return TemplateResponse(request, "schedule/schedule_index_page.html", {
        "page": page, "self": page, "week": week, "days": days, "work_week": work_week,
        "previous_week": week.shifted(-1), "next_week": week.shifted(1), "this_week": IsoWeek.current(),
        "is_this_week": week == IsoWeek.current(), "error": error, "has_entries": bool(entries),
        "adjusted_count": sum(1 for e in entries if e.adjusted),
    }, status=status)


def calendar_host(page) -> str:
    """The site's host name: event UIDs stay the same whichever address a subscriber used."""
    site = page.get_site()
    return site.hostname if site else "loa"


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def week_calendar(request: HttpRequest, page, week: str) -> HttpResponse:
    try:
        iso = IsoWeek.parse(week)
    except ValueError:
        return HttpResponse("Tuần không hợp lệ, ví dụ đúng: 2026-W49.", status=404,
                            content_type="text/plain; charset=utf-8")
    body = build_calendar(published_entries(iso, iso), f"{page.title} – {iso.label()}", calendar_host(page))
    return _calendar_response(body, f"lich-cong-tac-{iso}.ics")


def subscription_calendar(request: HttpRequest, page) -> HttpResponse:
    current = IsoWeek.current()
    entries = published_entries(current.shifted(-FEED_WEEKS_BEFORE), current.shifted(FEED_WEEKS_AFTER))
    limit_cache_lifetime(request, next_local_midnight())
    return _calendar_response(build_calendar(entries, page.title, calendar_host(page)), "lich-cong-tac.ics")
