"""Whole-page cache for anonymous visitors.

Rendering an article takes tens of milliseconds; serving the stored bytes takes
well under one.  Cached copies are keyed by URL and by a "content version": the
modification time of a stamp file in LOA_DATA_DIR that publishing, unpublishing,
moving or deleting a page (or saving an ad or the site branding) touches.  One
stat() per request is all the gunicorn workers need to agree that the content
changed, so an editor's change shows on the next request; the lifetime
(LOA_PAGE_CACHE_SECONDS, 60 s by default) bounds staleness of anything else,
e.g. when several hosts share one database.

Only the query parameters that pages read (LOA_PAGE_CACHE_QUERY_PARAMS: page, q, tag)
are part of the key, sorted; any other parameter is ignored, so `/?x=1`, `/?x=2` ...
are one cached page and a crawl of random query strings costs what cached pages cost.
A view that reads another parameter must add it to that setting.

A page is rendered once per process however many visitors ask for it at the same moment: the
first renders, the others wait for its copy (a long article under load rendered by every thread
at once was the p99 of article pages). An expired copy is kept a little longer and served while
one thread renders the new one, as nginx's micro-cache does ("stale while updating").
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.encoding import escape_uri_path

from .cache_params import DEFAULT_QUERY_PARAMS

STAMP_NAME = "content-version"

CACHE_HEADER = "X-Loa-Cache"
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Length", "X-Frame-Options", "Referrer-Policy",
                 "X-Content-Type-Options", "Cross-Origin-Opener-Policy", "Content-Security-Policy")


RENDER_WAIT_SECONDS = 10.0  # a visitor waits at most this long for another thread's rendering, then renders
_RENDER_LOCKS = [threading.Lock() for _ in range(64)]  # striped by key: one rendering of a page per process
_refreshing: set[str] = set()
_refreshing_lock = threading.Lock()


def stamp_path() -> Path:
    return Path(settings.DATA_DIR) / STAMP_NAME


def content_version() -> int:
    try:
        return os.stat(stamp_path()).st_mtime_ns
    except FileNotFoundError:
        return 0


def bump_content_version(**_kwargs) -> None:
    """Invalidate every cached page (usable directly as a signal receiver)."""
    path = stamp_path()
    now = time.time_ns()
    # Two bumps within the file system's timestamp granularity must still differ.
    now = max(now, content_version() + 1_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
    os.utime(path, ns=(now, now))


def limit_cache_lifetime(request: HttpRequest, until: datetime | None) -> None:
    """Make sure a cached copy of the page being rendered expires no later than `until`."""
    if until is None:
        return
    current = getattr(request, "_loa_cache_until", None)
    stamp = until.timestamp()
    if current is None or stamp < current:
        request._loa_cache_until = stamp


def page_cache_seconds() -> int:
    return int(getattr(settings, "LOA_PAGE_CACHE_SECONDS", 60))


def cache_key(request: HttpRequest) -> str:
    """The key of a page: content version and a digest of host, path and the known query parameters (sorted).

    The digest keeps every key short whatever a crawler puts in the URL (a scanner's 2 kB
    `?q=../../..` made keys memcached refuses and Redis stores whole).
    """
    names = getattr(settings, "LOA_PAGE_CACHE_QUERY_PARAMS", DEFAULT_QUERY_PARAMS)
    kept = [(name, value) for name in sorted(set(names)) for value in request.GET.getlist(name)]
    query = f"?{urlencode(kept)}" if kept else ""
    address = f"{request.get_host()}:{escape_uri_path(request.path)}{query}"
    return f"loa:page:{content_version()}:{hashlib.blake2b(address.encode(), digest_size=20).hexdigest()}"


def _claim_refresh(key: str) -> bool:
    """True for the one thread of this process that renders an expired page anew."""
    with _refreshing_lock:
        if key in _refreshing:
            return False
        _refreshing.add(key)
        return True


def _end_refresh(key: str) -> None:
    with _refreshing_lock:
        _refreshing.discard(key)


class PageCacheMiddleware:
    """Serve GET/HEAD requests of anonymous visitors from the cache."""

    # /widget/: the embeddable scripts, answered from memory in the encoding each client asks for.
    excluded_prefixes = ("/admin/", "/django-admin/", "/ads/", "/api/", "/static/", "/media/", "/documents/", "/healthz",
                         "/widget/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.cache = caches[getattr(settings, "LOA_PAGE_CACHE_ALIAS", "default")]
        self.session_cookie = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = page_cache_seconds()
        if seconds <= 0 or not self.request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        hit = self.cache.get(key)
        if hit is not None:
            if hit[3] > time.time() or not _claim_refresh(key):  # fresh, or another thread renders it anew
                return self.from_cache(hit)
            try:
                return self.render_and_store(request, key, seconds)
            finally:
                _end_refresh(key)
        lock = _RENDER_LOCKS[zlib.crc32(key.encode()) % len(_RENDER_LOCKS)]
        got = lock.acquire(timeout=RENDER_WAIT_SECONDS)
        try:
            if got and (hit := self.cache.get(key)) is not None:  # rendered by the thread we waited for
                return self.from_cache(hit)
            return self.render_and_store(request, key, seconds)
        finally:
            if got:
                lock.release()

    @staticmethod
    def from_cache(hit: tuple) -> HttpResponse:
        status, headers, content, _expires = hit
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response

    def render_and_store(self, request: HttpRequest, key: str, seconds: int) -> HttpResponse:
        response = self.get_response(request)
        if self.response_is_cacheable(response):
            now = time.time()
            expires = min(now + seconds, getattr(request, "_loa_cache_until", now + seconds))
            if expires - now >= 1:
                headers = [(name, response[name]) for name in _KEPT_HEADERS if response.has_header(name)]
                # Kept past its expiry for as long again: the stale copy served while one thread renders.
                keep = int(expires - now) * 2
                self.cache.set(key, (response.status_code, headers, response.content, expires), keep)
            response[CACHE_HEADER] = "miss"
        return response

    def request_is_cacheable(self, request: HttpRequest) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and self.session_cookie not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(self.excluded_prefixes)
        )

    @staticmethod
    def response_is_cacheable(response: HttpResponse) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))
