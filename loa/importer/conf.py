"""The importer's settings, with their defaults (any IMPORTER_* can be set in the environment)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    "IMPORTER_USER_AGENT": "LoaImporter/1.0 (chuyen du lieu cong thong tin; +https://github.com/loa)",
    "IMPORTER_DELAY": 0.5,  # seconds between two requests to one host
    "IMPORTER_CONCURRENCY": 2,  # requests in flight to one host
    "IMPORTER_TIMEOUT": 20,  # seconds for one request (connect + read)
    "IMPORTER_MAX_PAGE_MB": 5,  # a page or feed larger than this is refused
    "IMPORTER_MAX_FILE_MB": 50,  # an image or attachment larger than this is refused
    "IMPORTER_MAX_FEED_MB": 20,  # a feed larger than this is refused whole
    "IMPORTER_MAX_PAGES": 5000,  # pages a crawl fetches at most
    "IMPORTER_MAX_DEPTH": 6,  # links followed from the start page at most
    "IMPORTER_MAX_QUERY_VARIANTS": 20,  # URLs with one path but different query strings that a crawl follows
    "IMPORTER_BACKFILL_PRIORITY": -20,  # narration of imported pages: below anything an editor publishes (10)
    # query parameters that named an item on old portals ("/?p=123", "/index.php?option=..&id=.."): such
    # requests are looked up in the redirects even when their path is a live Loa page
    "IMPORTER_REDIRECT_QUERY_KEYS": ("p", "page_id", "attachment_id", "newsid", "news_id", "itemid", "option"),
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
