"""The widget app's settings, with their defaults (any WIDGET_* can be set in the environment)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    "WIDGET_FETCH_MAX_BYTES": 2_000_000,  # a host page larger than this is refused ("too_large")
    "WIDGET_FETCH_TIMEOUT": 8.0,  # seconds for one fetch of a host page, redirects included
    "WIDGET_REFETCH_SECONDS": 300,  # a page is fetched again at most this often (edits show up after it)
    "WIDGET_MAX_CHARS": 60_000,  # characters of one article read at most (the rest is left out, said so)
    "WIDGET_MAX_ELEMENTS": 60_000,  # a host page with more elements is refused ("too_complex")
    "WIDGET_CLIENT_RATE_LIMIT": 30,  # narration requests per client ...
    "WIDGET_CLIENT_RATE_WINDOW": 60,  # ... per this many seconds
    "WIDGET_SITE_FETCH_BUDGET": 120,  # fetches of new or changed pages per site ...
    "WIDGET_SITE_FETCH_WINDOW": 3600,  # ... per this many seconds (cached narrations cost nothing)
    "WIDGET_FEED_MAX_ITEMS": 20,  # newest feed entries narrated ahead per run
    "WIDGET_PREGENERATE_EVERY": 3600,  # seconds between two pre-generation runs of a site's feed
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
