"""Which paths are pages: only views of a live, public Wagtail page are counted (others are not stored).

Invented paths would otherwise each add a DailyPageView row. The set of live page paths
is read once per content version (the stamp that publishing, unpublishing, moving and
deleting a page bump: loa.core.cache), so a beacon costs one stat() and a set look-up.
STATS_ONLY_LIVE_PAGES = False counts any path (for sites whose pages are not all Wagtail pages).
"""
from __future__ import annotations

import threading
from urllib.parse import unquote

from wagtail.models import Page, Site

from loa.core.cache import content_version

from . import conf

_lock = threading.Lock()
_cached: tuple[int, frozenset[str]] | None = None


def _live_page_paths() -> frozenset[str]:
    roots = [site.root_page.url_path for site in Site.objects.select_related("root_page")]
    paths = set()
    for url_path in Page.objects.live().public().values_list("url_path", flat=True):
        for root in roots:
            if url_path.startswith(root):
                paths.add("/" + url_path[len(root):])
    return frozenset(paths)


def live_page_paths() -> frozenset[str]:
    global _cached
    version = content_version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != version:
            _cached = (version, _live_page_paths())
        return _cached[1]


def counted_path(path: str) -> str | None:
    """The page's path as stored (decoded, with its trailing slash), or None when `path` is no live page."""
    if not conf.get("STATS_ONLY_LIVE_PAGES"):
        return path
    try:
        decoded = unquote(path, errors="strict") if "%" in path else path
    except UnicodeDecodeError:
        return None
    paths = live_page_paths()
    for candidate in (decoded, decoded + "/"):
        if candidate in paths:
            return candidate
    return None
