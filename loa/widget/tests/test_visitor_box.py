"""The visitor box of a registered site: exact, cookieless, per site."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from loa.stats import clock

from ..models import WidgetDaily, WidgetPage, WidgetSite

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def site(db):
    return WidgetSite.objects.create(name="Cổng", origins="https://hdnd.example.gov.vn", total_offset=1000)


def hit(client, site, user_agent=BROWSER, origin="https://hdnd.example.gov.vn", url=None, address="203.0.113.7"):
    body = json.dumps({"url": url or "https://hdnd.example.gov.vn/tin/1.html"})
    return client.post(f"/api/widget/v1/hit?site={site.key}", body, content_type="text/plain",
                       HTTP_ORIGIN=origin, HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)


def test_a_visit_is_counted_once_and_views_every_time(client, site):
    first = hit(client, site)
    assert first.status_code == 200
    assert first["Access-Control-Allow-Origin"] == "https://hdnd.example.gov.vn"
    assert first.json() == {"online": 1, "today": 1, "month": 1, "total": 1001}
    assert hit(client, site).json()["today"] == 1
    assert hit(client, site, address="203.0.113.8").json()["today"] == 2
    row = WidgetDaily.objects.get(site=site)
    assert (row.views, row.visits) == (3, 2)
    assert not client.cookies


def test_a_visit_starts_again_after_thirty_minutes(client, site):
    start = clock.now()
    clock.set_clock(lambda: start)
    try:
        hit(client, site)
        clock.set_clock(lambda: start + timedelta(minutes=29))
        hit(client, site)
        clock.set_clock(lambda: start + timedelta(minutes=29 + 31))
        hit(client, site)
    finally:
        clock.set_clock(None)
    assert sum(WidgetDaily.objects.filter(site=site).values_list("visits", flat=True)) == 2


def test_sites_are_counted_apart(client, site):
    other = WidgetSite.objects.create(name="Sở", origins="https://so.example.gov.vn")
    hit(client, site)
    response = hit(client, other, origin="https://so.example.gov.vn", url="https://so.example.gov.vn/")
    assert response.json()["today"] == 1
    assert WidgetDaily.objects.get(site=site).visits == 1


def test_crawlers_and_other_origins_are_not_counted(client, site):
    assert hit(client, site, user_agent="Googlebot/2.1 (+http://www.google.com/bot.html)").status_code == 200
    assert hit(client, site, origin="https://evil.example").status_code == 403
    assert hit(client, site, url="https://evil.example/x").status_code == 400
    assert not WidgetDaily.objects.filter(visits__gt=0).exists()


def test_plays_and_listens_once_per_visitor_and_day(client, site):
    page = WidgetPage.objects.create(site=site, url="https://hdnd.example.gov.vn/tin/1.html", url_hash="x", status="ok")
    for _ in range(2):
        for event in ("play", "listen", "ended"):
            response = client.post(f"/api/widget/v1/listen?site={site.key}",
                                   json.dumps({"page": page.pk, "event": event}), content_type="text/plain",
                                   HTTP_ORIGIN="https://hdnd.example.gov.vn", HTTP_USER_AGENT=BROWSER)
            assert response.status_code == 204
    row = WidgetDaily.objects.get(site=site)
    assert (row.plays, row.listens, row.completions) == (1, 1, 1)
