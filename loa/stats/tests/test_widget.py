"""Widget, summary cache, context processor, housekeeping."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from loa.stats import clock
from loa.stats.context_processors import visitor_stats
from loa.stats.identity import salt_for
from loa.stats.maintenance import run_maintenance
from loa.stats.models import DailyTotal, Salt, StatsSettings, VisitorState
from loa.stats.summary import get_summary
from loa.stats.templatetags.stats_tags import vi_number

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value, text", [(0, "0"), (999, "999"), (53082, "53.082"), (1234567, "1.234.567"), (None, "")])
def test_numbers_are_written_the_vietnamese_way(value, text):
    assert vi_number(value) == text


def test_widget_shows_the_four_numbers_accessibly(backend):
    today = clock.today()
    DailyTotal.objects.create(day=today, visits=82)
    DailyTotal.objects.create(day=today - timedelta(days=400), visits=1000)
    StatsSettings.objects.create(total_offset=52000)  # migrated from an old counter
    request = RequestFactory().get("/")
    html = render_to_string("stats/widget.html", visitor_stats(request), request=request)
    assert "THỐNG KÊ TRUY CẬP" in html
    assert '<section class="box visitor-stats" aria-labelledby="visitor-stats-title"' in html
    assert '<h2 id="visitor-stats-title"' in html and "<dl" in html
    for label, number in [("Đang online", "0"), ("Hôm nay", "82"), ("Trong tháng", "82"), ("Tất cả", "53.082")]:
        assert f"<dt>{label}</dt>" in html
        assert f">{number}</dd>" in html


def test_widget_works_without_the_context_processor(backend):
    DailyTotal.objects.create(day=clock.today(), visits=7)
    html = render_to_string("stats/widget.html", {})
    assert 'data-stat="today">7</dd>' in html


def test_context_processor_reads_nothing_unless_used(backend, django_assert_num_queries):
    with django_assert_num_queries(0):
        context = visitor_stats(RequestFactory().get("/"))
    assert context["visitor_stats"]["today"] == 0


def test_summary_is_cached_for_the_configured_seconds(backend, settings):
    from django.core.cache import caches

    cache = caches["limits"]  # shared by every process, so workers never disagree
    cache.clear()
    settings.STATS_SUMMARY_CACHE_SECONDS = 30
    assert get_summary().today == 0
    DailyTotal.objects.create(day=clock.today(), visits=5)
    assert get_summary().today == 0  # cached
    cache.clear()
    assert get_summary().today == 5


def test_beacon_snippet_is_small_and_has_a_noscript_fallback():
    from django.contrib.staticfiles import finders

    script = open(finders.find("stats/beacon.js"), "rb").read()
    assert len(script) < 1024 and b"sendBeacon" in script and b"/api/stats/hit" in script
    request = RequestFactory().get("/tin-tuc/bai-a/")
    html = render_to_string("stats/beacon.html", {"request": request})
    assert "<noscript><img src=\"/api/stats/hit.gif?p=/tin-tuc/bai-a/\"" in html


def test_housekeeping_keeps_two_salts_and_drops_old_visitor_state(backend):
    now = timezone.make_aware(datetime(2025, 5, 20, 8, 0))
    for back in range(5):
        clock.set_clock(lambda back=back: now - timedelta(days=back))
        salt_for(clock.today(), create=True)
        VisitorState.objects.create(hash=f"{back:032x}", day=clock.today())
        DailyTotal.objects.create(day=clock.today(), visits=1)
    clock.set_clock(lambda: now)
    result = run_maintenance()
    assert sorted(Salt.objects.values_list("day", flat=True)) == [date(2025, 5, 19), date(2025, 5, 20)]
    assert result.salts_deleted == 3
    assert sorted(VisitorState.objects.values_list("day", flat=True)) == [date(2025, 5, 19), date(2025, 5, 20)]
    assert DailyTotal.objects.count() == 5  # rollups stay
    assert run_maintenance().salts_deleted == 0  # idempotent
