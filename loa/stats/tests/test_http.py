"""The collection endpoints over real HTTP (live server + httpx), on both backends."""
from __future__ import annotations

import io
import logging
import shutil
import subprocess
from datetime import datetime, timedelta

import httpx
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from loa.stats import clock
from loa.stats.models import DailyChoice, DailyListen, DailyPageView, DailyReferrer, DailyTotal, Salt, VisitorState

from .helpers import GOOGLEBOT, delta, hit, listen, summary, user_agent

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_pages")]
ZERO = {"online": 0, "today": 0, "month": 0, "total": 0}


@pytest.fixture
def http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=10) as client:
        yield client


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args), timezone.get_default_timezone())


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment
        clock.set_clock(lambda: self.moment)

    def set(self, moment: datetime) -> None:
        self.moment = moment

    def advance(self, **kwargs) -> None:
        self.moment += timedelta(**kwargs)


def test_fifty_visitors_raise_every_number_by_exactly_fifty(backend, http, flush):
    before = summary(http)
    for n in range(50):
        assert hit(http, user_agent(n), path=f"/tin-tuc/bai-{n % 7}/") == 204
    flush()
    assert delta(summary(http), before) == {"online": 50, "today": 50, "month": 50, "total": 50}
    assert sum(DailyPageView.objects.values_list("views", flat=True)) == 50
    assert DailyTotal.objects.get(day=clock.today()).visitors == 50


def test_googlebot_and_a_repeat_within_thirty_minutes_add_no_visit(backend, http, flush):
    fixed = FixedClock(local(2025, 6, 10, 9, 0))
    assert hit(http, user_agent(1), "/a/") == 204
    flush()
    first = summary(http)
    assert first == {"online": 1, "today": 1, "month": 1, "total": 1}

    fixed.advance(minutes=29)
    assert hit(http, user_agent(1), "/b/") == 204  # same person, same visit
    assert hit(http, GOOGLEBOT, "/a/") == 204  # accepted, not counted
    flush()
    assert summary(http) == first
    assert DailyTotal.objects.get(day=clock.today()).views == 2

    fixed.advance(minutes=31)  # more than 30 minutes after the last page view: a new visit
    assert hit(http, user_agent(1), "/c/") == 204
    flush()
    assert summary(http) == {"online": 1, "today": 2, "month": 2, "total": 2}
    assert DailyTotal.objects.get(day=clock.today()).visitors == 1


def test_visits_at_2359_and_0001_land_on_different_days(backend, http, flush):
    fixed = FixedClock(local(2025, 3, 31, 23, 59))
    assert hit(http, user_agent(1), "/") == 204
    flush()
    assert summary(http) == {"online": 1, "today": 1, "month": 1, "total": 1}

    fixed.set(local(2025, 4, 1, 0, 1))
    assert hit(http, user_agent(2), "/") == 204  # another visitor: a visit of the new day (and month)
    assert hit(http, user_agent(1), "/tiep/") == 204  # the first visitor, 2 min later: still yesterday's visit
    flush()
    days = dict(DailyTotal.objects.values_list("day", "visits"))
    assert days == {local(2025, 3, 31, 12).date(): 1, local(2025, 4, 1, 12).date(): 1}
    assert summary(http) == {"online": 2, "today": 1, "month": 1, "total": 2}


def test_bad_bodies_get_400_and_nothing_is_counted(backend, http, flush):
    before = summary(http)
    bad_hits = [
        b"", b"not json", b"[]", b'"/"', b"{}", b'{"path": 5}', b'{"path": "tin-tuc"}', b'{"path": "//evil.example/x"}',
        b'{"path": "/a", "referrer": 7}', b'{"path": "/a\\u0001b"}', b'{"path": "/' + b"a" * 600 + b'"}',
        b'{"path": "/' + b"a" * 5000 + b'"}', b"\xff\xfe", b'{"path": "/a"',
    ]
    for body in bad_hits:
        assert hit(http, user_agent(1), body=body) == 400, body
    bad_listens = [
        {}, {"page_id": "3", "event": "play"}, {"page_id": 0, "event": "play"}, {"page_id": 3, "event": "dance"},
        {"page_id": 3, "event": "play", "speed": 9}, {"page_id": 3, "event": "play", "position": -1},
        {"page_id": 3, "event": "play", "voice": "<script>"}, {"page_id": True, "event": "play"},
    ]
    for fields in bad_listens:
        assert listen(http, user_agent(1), **fields) == 400, fields
    response = http.post("/api/stats/listen", content=b'{"page_id": 3, "event": "play", "speed": NaN}',
                         headers={"Origin": str(http.base_url).rstrip("/"), "User-Agent": user_agent(1)})
    assert response.status_code == 400
    flush()
    assert delta(summary(http), before) == ZERO
    assert not DailyTotal.objects.exists() and not VisitorState.objects.exists() and not DailyListen.objects.exists()


def test_foreign_or_missing_origin_is_refused(backend, http, flush):
    body = b'{"path": "/"}'
    headers = {"User-Agent": user_agent(1), "Content-Type": "text/plain"}
    assert http.post("/api/stats/hit", content=body, headers=headers).status_code == 403
    assert http.post("/api/stats/hit", content=body, headers={**headers, "Origin": "https://evil.example"}).status_code == 403
    assert http.get("/api/stats/hit").status_code == 405
    flush()
    assert not DailyTotal.objects.exists()


def test_prefetches_and_headless_browsers_are_not_counted(backend, http, flush):
    assert hit(http, user_agent(1), headers={"Sec-Purpose": "prefetch;prerender"}) == 204
    assert hit(http, user_agent(2), headers={"Purpose": "prefetch"}) == 204
    headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36"
    assert hit(http, headless) == 204
    assert hit(http, "") == 204
    flush()
    assert summary(http) == ZERO
    assert hit(http, user_agent(3)) == 204  # and a browser still counts
    flush()
    assert summary(http)["today"] == 1


def test_hits_per_visitor_per_minute_are_capped(backend, http, flush, settings):
    settings.STATS_MAX_HITS_PER_MINUTE = 5
    fixed = FixedClock(local(2025, 6, 10, 9, 0, 5))
    statuses = [hit(http, user_agent(1), f"/p{n}/") for n in range(8)]
    assert statuses == [204] * 5 + [429] * 3
    assert hit(http, user_agent(2)) == 204  # another visitor is not affected
    fixed.advance(minutes=1)
    assert hit(http, user_agent(1)) == 204  # next minute
    flush()
    assert DailyTotal.objects.get().views == 7


def test_noscript_image_counts_same_site_page_views(backend, http, flush):
    own = str(http.base_url).rstrip("/")
    ok = http.get("/api/stats/hit.gif", params={"p": "/tin-tuc/a/"}, headers={"User-Agent": user_agent(1), "Referer": own + "/tin-tuc/a/"})
    assert ok.status_code == 200 and ok.headers["content-type"] == "image/gif"
    assert "no-cache" in ok.headers["cache-control"] or "max-age=0" in ok.headers["cache-control"]
    cross = http.get("/api/stats/hit.gif", params={"p": "/x/"}, headers={"User-Agent": user_agent(2), "Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403
    bad = http.get("/api/stats/hit.gif", params={"p": "x"}, headers={"User-Agent": user_agent(3), "Referer": own + "/"})
    assert bad.status_code == 400
    flush()
    assert list(DailyPageView.objects.values_list("path", "views")) == [("/tin-tuc/a/", 1)]


def test_external_referrers_are_counted_per_visit(backend, http, flush):
    assert hit(http, user_agent(1), "/", referrer="https://www.google.com/search?q=hdnd") == 204
    assert hit(http, user_agent(1), "/b/", referrer=str(http.base_url) + "/") == 204
    assert hit(http, user_agent(2), "/", referrer="https://baochinhphu.vn/bai") == 204
    flush()
    assert dict(DailyReferrer.objects.values_list("host", "visits")) == {"google.com": 1, "baochinhphu.vn": 1}


def test_a_listen_counts_once_per_visitor_article_and_day(backend, http, flush):
    fixed = FixedClock(local(2025, 6, 10, 20, 0))
    ua = user_agent(1)
    report = {"page_id": 42, "voice": "nu-mien-bac", "speed": 1.25, "duration": 200}
    assert listen(http, ua, event="play", position=0, **report) == 204
    assert listen(http, ua, event="progress", position=20, **report) == 204  # 10 %, under 30 s: not yet a listen
    flush()
    row = DailyListen.objects.get(page_id=42)
    assert (row.plays, row.listens, row.reached_25) == (1, 0, 0)

    assert listen(http, ua, event="progress", position=31, **report) == 204  # past 30 s
    assert listen(http, ua, event="heartbeat", position=45, **report) == 204
    assert listen(http, ua, event="progress", position=50, **report) == 204  # 25 %
    assert listen(http, ua, event="play", position=50, **report) == 204  # resumed: not a second play
    assert listen(http, ua, event="ended", position=200, **report) == 204
    short = {"page_id": 7, "voice": "nam-mien-nam", "speed": 1.0, "duration": 40}
    assert listen(http, ua, event="progress", position=10, **short) == 204  # 25 % of a short article
    assert listen(http, user_agent(2), event="progress", position=30, **report) == 204  # another visitor
    flush()
    row = DailyListen.objects.get(page_id=42)
    assert (row.plays, row.listens, row.reached_25, row.reached_50, row.reached_75, row.reached_100) == (1, 2, 1, 1, 1, 1)
    assert DailyListen.objects.get(page_id=7).listens == 1
    voices = {(c.kind, c.value): c.listens for c in DailyChoice.objects.all()}
    assert voices == {("voice", "nu-mien-bac"): 2, ("voice", "nam-mien-nam"): 1, ("speed", "1.25x"): 2, ("speed", "1x"): 1}
    # heartbeats keep listeners "online", but a listen is not a visit
    assert summary(http) == {"online": 2, "today": 0, "month": 0, "total": 0}

    fixed.advance(days=1)
    assert listen(http, ua, event="progress", position=40, **report) == 204  # a new day: counts again
    flush()
    assert DailyTotal.objects.get(day=clock.today()).listens == 1


def test_no_table_or_log_line_contains_the_client_ip(backend, http, flush, settings, caplog, capfd):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    ip, other_ip, ua = "203.0.113.77", "198.51.100.23", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 UniqueAgent7f3a"
    caplog.set_level(logging.DEBUG)
    for forwarded in (ip, f"{ip}, 127.0.0.1", other_ip):
        assert hit(http, ua, "/tin-tuc/a/", headers={"X-Forwarded-For": forwarded}) == 204
    assert listen(http, ua, headers={"X-Forwarded-For": ip}, page_id=5, event="ended", position=100, duration=100, voice="v1", speed=1.0) == 204
    assert hit(http, ua, body=b"{broken", headers={"X-Forwarded-For": ip}) == 400  # an error path logs too
    flush()
    # the address reached the hash: two addresses, same browser = two visitors
    assert DailyTotal.objects.get().visitors == 2

    dumps = []
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    dumps.append(out.getvalue())
    if connection.vendor == "sqlite":
        dumps.append("\n".join(connection.connection.iterdump()))
    elif shutil.which("pg_dump"):
        db = connection.settings_dict
        dumps.append(subprocess.run(
            ["pg_dump", "--data-only", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres", db["NAME"]],
            check=True, capture_output=True, text=True,
        ).stdout)
    if backend == "redis":
        from loa.stats.backends import get_collector

        client = get_collector().client
        for key in client.scan_iter(match=get_collector().prefix + "*"):
            dumps.append(key.decode(errors="replace") + repr(client.dump(key)))
    logs = caplog.text + "".join(capfd.readouterr())
    for text in dumps + [logs]:
        assert ip not in text and other_ip not in text
        assert "UniqueAgent7f3a" not in text
    assert "stats.dailytotal" in dumps[0] and "stats.salt" in dumps[0]  # the dump did include our tables
    assert Salt.objects.exists()


def test_lone_surrogates_are_refused_and_do_not_break_the_flush(backend, http, flush):
    """Deep nesting is refused; JSON may escape a lone surrogate: such a path or referrer cannot be stored, and must not poison the batch."""
    bodies = [b'{"path": "/a\\ud800b"}', b'{"path": "/a", "referrer": "https://x\\udc00y.example/"}',
              b"[" * 2000 + b"]" * 2000]
    for body in bodies:
        assert hit(http, user_agent(1), body=body) == 400, body
    assert hit(http, user_agent(2), path="/ok") == 204
    flush()
    assert DailyPageView.objects.filter(path="/ok/").exists()  # stored as the page's path
    assert not DailyReferrer.objects.exists()
