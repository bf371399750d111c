from __future__ import annotations

import gzip

import pytest

from ..models import WidgetDaily, WidgetSite

pytestmark = pytest.mark.django_db
MAX_GZIPPED = 15_000


@pytest.mark.parametrize("path", ["/widget/v1.js", "/widget/v1/stats.js"])
def test_scripts_are_small_and_served_compressed(client, path):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < MAX_GZIPPED
    plain = client.get(path)
    assert "Content-Encoding" not in plain and plain.content == gzip.decompress(response.content)


def test_site_settings_only_for_registered_origins(client):
    site = WidgetSite.objects.create(name="Cổng", origins="https://hdnd.example.gov.vn")
    ok = client.get("/api/widget/v1/site", {"site": site.key}, HTTP_ORIGIN="https://hdnd.example.gov.vn")
    assert ok.status_code == 200 and ok.json()["default_voice"] == "vi-south-male"
    assert ok["Access-Control-Allow-Origin"] == "https://hdnd.example.gov.vn"
    refused = client.get("/api/widget/v1/site", {"site": site.key}, HTTP_ORIGIN="https://khac.example")
    assert refused.status_code == 403 and "Access-Control-Allow-Origin" not in refused


def test_admin_lists_sites_with_figures_and_dashboard_panel(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-dai-123")
    client.force_login(admin)
    site = WidgetSite.objects.create(name="Cổng HĐND tỉnh", origins="https://hdnd.example.gov.vn")
    from loa.stats import clock

    WidgetDaily.objects.create(site=site, day=clock.today(), visits=7, views=9, plays=4, completions=1)
    listing = client.get("/admin/snippets/widget/widgetsite/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Cổng HĐND tỉnh" in text and "25 %" in text and "Trang liên kết" in text
    edit = client.get(f"/admin/snippets/widget/widgetsite/edit/{site.pk}/")
    assert edit.status_code == 200 and site.key in edit.content.decode() and "widget/v1.js" in edit.content.decode()
    form = client.post("/admin/snippets/widget/widgetsite/add/", {
        "name": "Sở", "origins": "ftp://so.example", "article_selector": "div[", "skip_selectors": "",
        "default_voice": "", "offered_voices": "", "feed_url": "", "total_offset": 0, "active": "on",
    })
    assert form.status_code == 200 and WidgetSite.objects.count() == 1
    added = client.post("/admin/snippets/widget/widgetsite/add/", {
        "name": "Sở Tư pháp", "origins": "https://stp.example.gov.vn\nhttp://stp.example.gov.vn:8080",
        "article_selector": ".post-body", "skip_selectors": ".note", "default_voice": "", "offered_voices": "",
        "feed_url": "https://stp.example.gov.vn/rss.xml", "total_offset": 0, "active": "on",
    })
    assert added.status_code == 302
    made = WidgetSite.objects.get(name="Sở Tư pháp")
    assert made.origin_list() == ["http://stp.example.gov.vn:8080", "https://stp.example.gov.vn"] and len(made.key) >= 16
    dashboard = client.get("/admin/thong-ke/")
    assert dashboard.status_code == 200
    assert "Trang liên kết (cổng thông tin gắn Loa)" in dashboard.content.decode()


def test_page_cache_never_serves_one_encoding_to_another_client(client, settings):
    settings.LOA_PAGE_CACHE_SECONDS = 60
    packed = client.get("/widget/v1.js", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/widget/v1.js")
    assert packed["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain and plain.content.startswith(b"/*")
