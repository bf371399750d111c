"""Pre-generation from a site's feed: new articles get audio before anyone presses play."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from loa.readaloud.tests.helpers import run_tasks

from ..models import WidgetNarration, WidgetPage, WidgetSite
from ..pregenerate import feed_links

pytestmark = pytest.mark.django_db


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Tin {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title>{items}</channel></rss>'.encode()


def test_feed_articles_are_narrated_ahead(registered, portal, other_portal):
    portal.routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                 rss(portal.url("/tin-tuc.html"), other_portal.url("/bai-viet.html")))
    registered.feed_url = portal.url("/rss.xml")
    registered.save()
    call_command("widget_pregenerate", verbosity=0)
    run_tasks()
    narration = WidgetNarration.objects.get()
    assert narration.state == "ready" and narration.page.url == portal.url("/tin-tuc.html")
    assert other_portal.total_hits() == 0, "links to other hosts are not followed"
    call_command("widget_pregenerate", verbosity=0)
    assert run_tasks() == 0, "not due again before WIDGET_PREGENERATE_EVERY"


def test_sitemap_links_and_no_entities():
    sitemap = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.vn/1</loc></url>
    <url><loc>https://a.vn/&e;</loc></url></urlset>"""
    links = feed_links(sitemap)
    assert links[0] == "https://a.vn/1"
    assert not any("root:" in link for link in links)


def test_feed_must_be_on_the_site(registered, other_portal):
    registered.feed_url = other_portal.url("/rss.xml")
    with pytest.raises(ValidationError):
        registered.full_clean()


def test_feed_of_another_host_is_never_fetched(registered, portal):
    WidgetSite.objects.filter(pk=registered.pk).update(feed_url="http://127.0.0.2:9/rss.xml")
    call_command("widget_pregenerate", verbosity=0)
    run_tasks()
    assert not WidgetPage.objects.exists()
