"""The work schedule: ISO weeks, navigation, today, "điều chỉnh", and iCalendar that parses."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from loa.schedule.models import ScheduleEntry, WorkWeek
from loa.schedule.weeks import IsoWeek

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def make_week(iso: IsoWeek, published: bool = True, entries=((0, time(8, 0), time(11, 30), "Họp Thường trực"),)):
    week = WorkWeek.objects.create(year=iso.year, week=iso.week, published=published)
    for order, (offset, start, end, content) in enumerate(entries):
        ScheduleEntry.objects.create(week=week, sort_order=order, day=iso.days()[offset], start=start, end=end,
                                     content=content, leader="Chủ tịch HĐND tỉnh", place="Phòng họp số 1")
    return week


def test_iso_weeks():
    week = IsoWeek.parse("2026-W49")
    assert (week.monday, week.sunday) == (date(2026, 11, 30), date(2026, 12, 6))
    assert str(week.shifted(1)) == "2026-W50" and str(IsoWeek.parse("2026-W53").shifted(1)) == "2027-W01"
    assert str(IsoWeek.containing(date(2027, 1, 1))) == "2026-W53"
    for bad in ("2025-W53", "2026-W00", "2026-49", "x", "", "2026-W999"):
        with pytest.raises(ValueError):
            IsoWeek.parse(bad)


def test_a_week_page_shows_published_weeks_with_navigation_and_today(client, schedule_page):
    this = IsoWeek.current()
    today = timezone.localdate()
    make_week(this, entries=[(today.weekday(), time(8, 0), time(9, 0), "Hoạt động hôm nay")])
    make_week(this.shifted(1), published=False, entries=[(0, time(8, 0), None, "Lịch chưa công bố")])
    html = client.get("/lich-cong-tac/").content.decode()
    assert "Hoạt động hôm nay" in html and 'aria-current="date"' in html and "Hôm nay" in html
    assert f'?tuan={this.shifted(-1)}' in html and f'?tuan={this.shifted(1)}' in html
    next_week = client.get("/lich-cong-tac/", {"tuan": str(this.shifted(1))}).content.decode()
    assert "Lịch chưa công bố" not in next_week and "Chưa có lịch công tác được công bố" in next_week
    assert 'aria-current="date"' not in next_week
    bad = client.get("/lich-cong-tac/", {"tuan": "2026-W99"})
    assert bad.status_code == 400 and "Tuần không hợp lệ" in bad.content.decode()


def test_changes_after_publication_are_marked_adjusted(client, schedule_page):
    iso = IsoWeek.parse("2026-W49")
    week = WorkWeek.objects.create(year=iso.year, week=iso.week, published=False)
    entry = ScheduleEntry(week=week, day=iso.monday, start=time(8), content="Họp giao ban")
    week.entries.add(entry)
    week.save()
    assert ScheduleEntry.objects.get().adjusted_at is None  # edits before publication are not adjustments
    week = WorkWeek.objects.get()
    week.published = True
    week.save()
    assert ScheduleEntry.objects.get().adjusted_at is None and WorkWeek.objects.get().published_at is not None
    # After publication: move the meeting and add one (as the admin form does, through the cluster).
    week = WorkWeek.objects.get()
    week.entries.add(ScheduleEntry(day=iso.monday + timedelta(days=2), start=time(8), content="Không đổi"))
    week.save()
    week = WorkWeek.objects.get()
    children = list(week.entries.all())
    moved = next(e for e in children if e.content == "Họp giao ban")
    moved.start = time(14)
    week.entries = [*children, ScheduleEntry(day=iso.monday + timedelta(days=1), start=time(8), content="Tiếp công dân")]
    week.save()
    entries = {e.content: e for e in ScheduleEntry.objects.all()}
    assert entries["Họp giao ban"].adjusted and entries["Họp giao ban"].sequence == 1
    assert entries["Tiếp công dân"].adjusted and entries["Không đổi"].sequence == 1  # added after publication
    week = WorkWeek.objects.get()
    week.note = "Ghi chú mới"
    week.save()
    assert ScheduleEntry.objects.get(content="Họp giao ban").sequence == 1  # nothing changed in it this time
    html = client.get("/lich-cong-tac/", {"tuan": "2026-W49"}).content.decode()
    assert html.count('class="adjusted-mark"') >= 2 and "điều chỉnh" in html


def test_a_week_exports_as_ics_with_local_times(client, schedule_page):
    iso = IsoWeek.parse("2026-W49")
    make_week(iso, entries=[(0, time(8, 0), time(11, 30), "Họp Thường trực, cho ý kiến; dự thảo"),
                            (3, time(14, 0), None, "Tiếp công dân")])
    make_week(iso.shifted(1), entries=[(0, time(9, 0), None, "Tuần sau")])
    response = client.get("/lich-cong-tac/ics/2026-W49/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [str(e["summary"]) for e in events] == ["Họp Thường trực, cho ý kiến; dự thảo", "Tiếp công dân"]
    start = events[0].decoded("dtstart")
    assert start == datetime(2026, 11, 30, 8, 0, tzinfo=HCM)
    assert start.utcoffset() == timedelta(hours=7) and str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    assert events[0]["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert events[0].decoded("dtend") == datetime(2026, 11, 30, 11, 30, tzinfo=HCM)
    assert "dtend" not in events[1]
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(events[0]["location"]) == "Phòng họp số 1"
    assert client.get("/lich-cong-tac/ics/2025-W53/").status_code == 404


def test_the_subscription_feed_holds_published_weeks_around_now(client, schedule_page):
    this = IsoWeek.current()
    make_week(this, entries=[(0, time(8), None, "Tuần này")])
    make_week(this.shifted(2), entries=[(0, time(8), None, "Hai tuần nữa")])
    make_week(this.shifted(1), published=False, entries=[(0, time(8), None, "Chưa công bố")])
    calendar = Calendar.from_ical(client.get("/lich-cong-tac/ical/").content)
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert summaries == {"Tuần này", "Hai tuần nữa"}
    uids = {str(e["uid"]) for e in calendar.walk("VEVENT")}
    assert all(uid.endswith("@localhost") for uid in uids)


def test_an_empty_week_offers_no_download_and_its_calendars_stay_valid(client, schedule_page):
    """RFC 5545: a VCALENDAR holds at least one component, even for a week or a feed with no event."""
    empty = IsoWeek.parse("2026-W50")
    html = client.get("/lich-cong-tac/", {"tuan": str(empty)}).content.decode()
    assert "/lich-cong-tac/ics/" not in html and "/lich-cong-tac/ical/" in html
    for url in (f"/lich-cong-tac/ics/{empty}/", "/lich-cong-tac/ical/"):
        calendar = Calendar.from_ical(client.get(url).content)
        assert calendar.subcomponents and calendar.walk("VEVENT") == [], url
        assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_the_admin_refuses_a_day_outside_the_week_and_marks_later_edits(client, schedule_page, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("lich", password="x"))

    def form(day: str, content: str, published: bool, entry_id: str = "") -> dict:
        data = {"year": "2026", "week": "49", "note": "", "entries-TOTAL_FORMS": "1", "entries-INITIAL_FORMS": "1" if entry_id else "0",
                "entries-MIN_NUM_FORMS": "0", "entries-MAX_NUM_FORMS": "1000", "entries-0-id": entry_id,
                "entries-0-ORDER": "1", "entries-0-DELETE": "", "entries-0-day": day, "entries-0-start": "08:00",
                "entries-0-end": "", "entries-0-content": content, "entries-0-leader": "", "entries-0-participants": "",
                "entries-0-place": "", "entries-0-preparing_unit": ""}
        if published:
            data["published"] = "on"
        return data

    outside = client.post("/admin/work_weeks/new/", form("2026-12-07", "Họp", True))
    assert outside.status_code == 200 and "không thuộc Tuần 49" in outside.content.decode()
    assert WorkWeek.objects.count() == 0
    assert client.post("/admin/work_weeks/new/", form("2026-12-01", "Họp giao ban", True)).status_code == 302
    week, entry = WorkWeek.objects.get(), ScheduleEntry.objects.get()
    assert week.published_at is not None and not entry.adjusted
    edited = client.post(f"/admin/work_weeks/edit/{week.pk}/", form("2026-12-01", "Họp giao ban (đổi phòng)", True,
                                                                     str(entry.pk)))
    assert edited.status_code == 302
    assert ScheduleEntry.objects.get().adjusted and ScheduleEntry.objects.get().sequence == 1
