"""Invented visitors, paths and referrers (findings 4 of the security review), on both backends."""
from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from wagtail.models import Page

from loa.stats import clock
from loa.stats.longtail import OTHER, roll_up_long_tail
from loa.stats.maintenance import run_maintenance
from loa.stats.models import DailyPageView, DailyReferrer, DailyTotal
from loa.stats.newvisitors import forget_admitted

from .helpers import hit, listen, summary, user_agent

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_pages")]


@pytest.fixture
def http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        yield client


def test_rotating_user_agents_from_one_address_invent_at_most_the_cap(backend, http, flush, settings):
    settings.STATS_MAX_NEW_VISITORS_PER_MINUTE = 20
    statuses = [hit(http, user_agent(n), "/a/") for n in range(30)]
    assert statuses == [204] * 20 + [429] * 10
    assert hit(http, user_agent(3), "/b/") == 204  # a visitor already admitted goes on being counted
    assert hit(http, user_agent(25), "/b/") == 429  # a refused one stays refused: sending it twice gains nothing
    forget_admitted()  # another process knows none of them; the cap is in the shared cache
    assert hit(http, user_agent(26), "/a/") == 429
    assert hit(http, user_agent(4), "/c/") == 204
    assert listen(http, user_agent(27), page_id=5, event="play", duration=100) == 429  # listens invent no one either
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    assert hit(http, user_agent(28), "/a/", headers={"X-Forwarded-For": "203.0.113.9"}) == 204  # another address
    flush()
    assert summary(http)["today"] == 21
    assert DailyTotal.objects.get().visitors == 21


def test_only_views_of_live_pages_are_stored(backend, http, flush, site_pages):
    for path in ("/khong-co-trang-nay/", "/tin-tuc/bai-99/", "/admin/", "/a/b/c/", "/%ff/"):
        assert hit(http, user_agent(1), path) == 204  # answered as usual, not stored
    assert hit(http, user_agent(1), "/tin-tuc/bai-1/") == 204
    assert hit(http, user_agent(2), "/tin-tuc/bai-1") == 204  # without the slash: the same page
    assert hit(http, user_agent(3), "/") == 204
    page = Page.objects.get(slug="bai-2")
    page.unpublish()
    from loa.core.cache import bump_content_version

    bump_content_version()  # what unpublishing does through the pages app's signals
    assert hit(http, user_agent(4), "/tin-tuc/bai-2/") == 204
    flush()
    assert dict(DailyPageView.objects.values_list("path", "views")) == {"/tin-tuc/bai-1/": 2, "/": 1}
    assert DailyTotal.objects.get().views == 3


@pytest.mark.parametrize("referrer,stored", [
    ("https://www.google.com/search?q=hdnd", "google.com"),
    ("https://báo-mới.vn/bài", "xn--bo-mi-xqa5384c.vn"),
    ("https://xn--zz.vn/", None),
    (f"https://{'a' * 64}.vn/", None),
    (f"https://{'ab.' * 90}vn/", None),
    ("https://-dash.vn/", None),
    ("https://under_score.vn/", None),
    ("https://a..b.vn/", None),
    ("https://localhost/", None),
    ("android-app://com.zing.zalo/", None),
])
def test_referrer_hosts_are_validated(backend, http, flush, referrer, stored):
    assert hit(http, user_agent(1), "/", referrer=referrer) == 204
    flush()
    assert list(DailyReferrer.objects.values_list("host", flat=True)) == ([stored] if stored else [])
    assert DailyTotal.objects.get().visits == 1  # the visit counts either way


def test_past_days_keep_their_top_rows_and_the_rest_is_one_row(backend, settings):
    settings.STATS_KEEP_PAGES_PER_DAY = 3
    settings.STATS_KEEP_REFERRERS_PER_DAY = 2
    today = clock.today()
    old = today - timedelta(days=3)
    for n in range(10):
        DailyPageView.objects.create(day=old, path=f"/bai-{n}/", views=100 - n)
        DailyPageView.objects.create(day=today, path=f"/bai-{n}/", views=1)  # today is left alone
        DailyReferrer.objects.create(day=old, host=f"site{n}.vn", visits=n + 1)
    result = run_maintenance()
    assert result.tail_rows_folded == 7 + 8
    kept = dict(DailyPageView.objects.filter(day=old).values_list("path", "views"))
    assert kept == {"/bai-0/": 100, "/bai-1/": 99, "/bai-2/": 98, OTHER: sum(100 - n for n in range(3, 10))}
    assert DailyPageView.objects.filter(day=today).count() == 10
    referrers = dict(DailyReferrer.objects.filter(day=old).values_list("host", "visits"))
    assert referrers == {"site9.vn": 10, "site8.vn": 9, OTHER: sum(range(1, 9))}
    assert roll_up_long_tail(today) == 0  # idempotent
    DailyPageView.objects.create(day=old, path="/muon/", views=1)  # a late flush for that day
    roll_up_long_tail(today)
    assert DailyPageView.objects.get(day=old, path=OTHER).views == sum(100 - n for n in range(3, 10)) + 1


def test_the_dashboard_shows_an_international_referrer_as_people_read_it(backend):
    from loa.stats.dashboard import referrers

    DailyReferrer.objects.create(day=clock.today(), host="xn--bo-mi-xqa5384c.vn", visits=3)
    assert referrers(clock.today()) == [("báo-mới.vn", 3)]
