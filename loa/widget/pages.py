"""A registered site's page as Loa reads it: fetched by Loa itself (never text from the browser), at most
once per WIDGET_REFETCH_SECONDS, within the site's fetch budget; its article extracted and kept."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from loa.core.ratelimit import over_limit
from loa.core.safe_fetch import FetchPolicy, FetchRefused, check_url, safe_fetch
from loa.readaloud.service import fingerprint

from . import conf
from .extract import NoArticle, decode, extract_article
from .models import WidgetPage, WidgetSite

BUSY_MESSAGE = "Trang liên kết đã dùng hết lượt tải trang trong giờ này; vui lòng thử lại sau."


@dataclass(frozen=True)
class PageRefused(Exception):
    status: int
    code: str
    message: str


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def clean_page_url(url: str) -> str:
    """The page URL without its fragment (one page, one narration)."""
    return url.split("#", 1)[0].strip()


def policy_for(site: WidgetSite) -> FetchPolicy:
    origins = frozenset(site.origin_list())
    hosts = frozenset(urlsplit(origin).hostname or "" for origin in origins) - {""}
    return FetchPolicy(
        origins=origins,
        private_hosts=hosts if site.private_network else frozenset(),
        max_bytes=int(conf.get("WIDGET_FETCH_MAX_BYTES")),
        timeout=float(conf.get("WIDGET_FETCH_TIMEOUT")),
    )


def check_page_url(site: WidgetSite, url: str) -> str:
    """The page's URL if it belongs to the site (PageRefused 403 otherwise; nothing is contacted)."""
    url = clean_page_url(url)
    if not url or len(url) > 2000:
        raise PageRefused(400, "url", "Thiếu hoặc sai địa chỉ trang.")
    try:
        check_url(url, policy_for(site))
    except FetchRefused as exc:
        raise PageRefused(403, exc.code, str(exc)) from exc
    return url


def current_page(site: WidgetSite, url: str) -> WidgetPage:
    """The page as last read, fetched (again) when it is new or older than WIDGET_REFETCH_SECONDS.

    Of concurrent requests for a page that is due, one fetches it (a conditional update claims
    it); the others read the copy Loa has.
    """
    page = WidgetPage.objects.filter(site=site, url_hash=url_hash(url)).first()
    if page is not None and not _due(page):
        return page
    if page is not None and not WidgetPage.objects.filter(pk=page.pk, fetched_at=page.fetched_at).update(
            fetched_at=timezone.now()):
        return page
    if over_limit(f"widget-site-{site.pk}", "fetch", int(conf.get("WIDGET_SITE_FETCH_BUDGET")),
                  int(conf.get("WIDGET_SITE_FETCH_WINDOW"))) is not None:
        if page is not None:
            return page  # the copy we have is still worth reading
        raise PageRefused(429, "busy", BUSY_MESSAGE)
    return refresh_page(site, url, page)


def _due(page: WidgetPage) -> bool:
    if page.fetched_at is None:
        return True
    return timezone.now() - page.fetched_at >= timedelta(seconds=int(conf.get("WIDGET_REFETCH_SECONDS")))


def refresh_page(site: WidgetSite, url: str, page: WidgetPage | None = None) -> WidgetPage:
    """Fetch and read the page now; a failure is recorded in its status (kept text stays readable)."""
    values: dict = {"fetched_at": timezone.now()}
    try:
        fetched = safe_fetch(url, policy_for(site))
        article = extract_article(
            decode(fetched.body, fetched.charset), site.article_selector, site.skip_list(),
            max_chars=int(conf.get("WIDGET_MAX_CHARS")), max_elements=int(conf.get("WIDGET_MAX_ELEMENTS")),
        )
    except FetchRefused as exc:
        if page is None:  # a refused or failed fetch stores nothing
            raise PageRefused(502 if exc.code in ("network", "timeout", "status", "dns") else 422,
                              exc.code, str(exc)) from exc
        values.update(status=exc.code, error=str(exc)[:500])
    except NoArticle as exc:
        values.update(status=exc.code, error=str(exc)[:500], blocks=[], units=[], text_hash="", chars=0)
    else:
        hashes = fingerprint(article.units)
        values.update(
            status="ok", error="", title=article.title, blocks=article.blocks, units=article.units,
            text_hash=hashes.text_hash, lexicon_hash=hashes.lexicon_hash, chars=article.chars,
            truncated=article.truncated,
        )
    if page is None:
        try:
            with transaction.atomic():
                page = WidgetPage.objects.create(site=site, url=url, url_hash=url_hash(url), fetch_count=1, **values)
            return page
        except IntegrityError:  # fetched by a concurrent request meanwhile
            page = WidgetPage.objects.get(site=site, url_hash=url_hash(url))
    WidgetPage.objects.filter(pk=page.pk).update(fetch_count=F("fetch_count") + 1, **values)
    page.refresh_from_db()
    return page
