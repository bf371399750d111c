"""Narrating a site's new articles before anyone presses play: its RSS/Atom feed or sitemap, read on a schedule.

The feed is fetched like any page (registered origins only, size and time caps); only links on the
site's registered origins are read, newest first, at most WIDGET_FEED_MAX_ITEMS per run, and each
within the site's fetch budget. Pages already read and unchanged cost nothing.
"""
from __future__ import annotations

import logging
from datetime import timedelta

import feedparser
from django.utils import timezone
from django_tasks import task
from lxml import etree

from loa.core.safe_fetch import FetchPolicy, FetchRefused, origin_of, safe_fetch

from . import conf
from .models import WidgetSite
from .narrate import request_narration
from .pages import PageRefused, clean_page_url, current_page, policy_for
from .site_voices import default_voice

logger = logging.getLogger(__name__)
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                        "application/rdf+xml", "text/plain"})


def feed_links(body: bytes) -> list[str]:
    """The entry links of an RSS/Atom feed, else the <loc>s of a sitemap, in the order given."""
    parsed = feedparser.parse(body)
    links = [entry.get("link", "") for entry in parsed.entries if entry.get("link")]
    if links:
        return links
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return []
    if root is None or etree.QName(root).localname != "urlset":
        return []  # a sitemap index is not followed: register the sitemap of the articles
    return [loc.text.strip() for loc in root.iter("{*}loc") if loc.text]


@task(priority=-5)
def pregenerate_site(site_id: int) -> dict:
    site = WidgetSite.objects.filter(pk=site_id, active=True).exclude(feed_url="").first()
    if site is None:
        return {"status": "skipped"}
    WidgetSite.objects.filter(pk=site.pk).update(last_pregenerated_at=timezone.now())
    base = policy_for(site)
    policy = FetchPolicy(origins=base.origins, private_hosts=base.private_hosts, max_bytes=base.max_bytes,
                         timeout=base.timeout, content_types=FEED_TYPES)
    try:
        fetched = safe_fetch(site.feed_url, policy)
    except FetchRefused as exc:
        logger.warning("widget: feed of site %s not read: %s", site.pk, exc)
        return {"status": exc.code}
    origins = set(site.origin_list())
    links = [clean_page_url(link) for link in feed_links(fetched.body) if origin_of(link) in origins]
    voice = default_voice(site)
    narrated = 0
    for url in dict.fromkeys(links):
        if narrated >= int(conf.get("WIDGET_FEED_MAX_ITEMS")):
            break
        try:
            page = current_page(site, url)
        except PageRefused:
            continue
        if page.status == "ok":
            request_narration(page, voice)
            narrated += 1
    return {"status": "ok", "pages": narrated}


def due_sites() -> list[WidgetSite]:
    every = timedelta(seconds=int(conf.get("WIDGET_PREGENERATE_EVERY")))
    sites = WidgetSite.objects.filter(active=True).exclude(feed_url="")
    return [s for s in sites if s.last_pregenerated_at is None or timezone.now() - s.last_pregenerated_at >= every]
