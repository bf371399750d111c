"""Requests that must not count: crawlers, self-declared headless browsers, prefetches."""
from __future__ import annotations

from functools import lru_cache

from crawlerdetect import CrawlerDetect
from django.http import HttpRequest

_detector = CrawlerDetect()
HEADLESS_MARKERS = ("headless", "phantomjs", "slimerjs", "electron/", "puppeteer", "playwright", "selenium", "webdriver")


@lru_cache(maxsize=32768)
def is_bot_user_agent(user_agent: str) -> bool:
    if not user_agent.strip():
        return True
    lowered = user_agent.lower()
    if any(marker in lowered for marker in HEADLESS_MARKERS):
        return True
    return bool(_detector.isCrawler(user_agent))


def is_prefetch(request: HttpRequest) -> bool:
    meta = request.META
    purpose = " ".join(meta.get(h, "") for h in ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ"))
    return "prefetch" in purpose.lower() or "preview" in purpose.lower()


def is_bot(request: HttpRequest) -> bool:
    return is_prefetch(request) or is_bot_user_agent(request.META.get("HTTP_USER_AGENT", "")[:512])
