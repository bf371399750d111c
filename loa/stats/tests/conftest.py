"""Fixtures of the stats tests: each test runs against both backends (memory and Redis)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from django.core.cache import caches

from loa.stats import clock
from loa.stats.backends import get_collector, reset_collector
from loa.stats.identity import forget_salts
from loa.stats.newvisitors import forget_admitted

REDIS_URL = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
BACKENDS = ["memory", "redis"]


def redis_client():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        if os.environ.get("LOA_TESTS_WITHOUT_REDIS") == "1":
            pytest.skip(f"Redis at {REDIS_URL} unreachable and LOA_TESTS_WITHOUT_REDIS=1")
        pytest.fail(f"Redis at {REDIS_URL} is unreachable ({exc}); start it or set LOA_TESTS_WITHOUT_REDIS=1")
    return client


def delete_prefix(client, prefix: str) -> None:
    for key in client.scan_iter(match=prefix + "*", count=500):
        client.delete(key)


@pytest.fixture(params=BACKENDS)
def backend(request, settings) -> Iterator[str]:
    """Configure the stats app for one backend, with no background flusher and no summary cache.

    Tests flush explicitly (what the timer does every STATS_FLUSH_SECONDS). Redis keys get a
    prefix unique to the test and are deleted afterwards.
    """
    name = request.param
    prefix = f"loa-test-{uuid.uuid4().hex[:10]}:"
    client = redis_client() if name == "redis" else None
    reset_collector(flush=False)
    forget_salts()
    forget_admitted()
    caches["limits"].clear()  # the per-address caps and the summary are shared state: start from nothing
    settings.STATS_BACKEND = name
    settings.STATS_REDIS_URL = REDIS_URL
    settings.STATS_REDIS_PREFIX = prefix
    settings.STATS_FLUSH_SECONDS = 0
    settings.STATS_SUMMARY_CACHE_SECONDS = 0
    settings.TRUSTED_PROXIES = []
    yield name
    reset_collector(flush=False)
    forget_salts()
    clock.set_clock(None)
    if client is not None:
        delete_prefix(client, prefix)
        client.close()


@pytest.fixture
def flush():
    """Move everything counted so far into the database, as the timer or the roll-up task does."""
    return lambda: get_collector().flush()


PAGE_PATHS = ["a", "b", "c", "tiep", "ok", *(f"p{n}" for n in range(8)), "x"]
NEWS_PATHS = ["a", *(f"bai-{n}" for n in range(7))]


@pytest.fixture
def site_pages(db):
    """Live pages at the paths the tests report views of (only views of live pages are counted):
    /, /a/, /b/, /c/, /tiep/, /ok/, /p0/../p7/, /x/, /tin-tuc/, /tin-tuc/a/, /tin-tuc/bai-0/../bai-6/."""
    from wagtail.models import Page, Site

    from loa.pages.demo.loader import ensure_roots

    ensure_roots()
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Trang chủ", slug="trang-chu-thong-ke"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    for slug in PAGE_PATHS:
        home.add_child(instance=Page(title=slug, slug=slug))
    news = home.add_child(instance=Page(title="Tin tức", slug="tin-tuc"))
    for slug in NEWS_PATHS:
        news.add_child(instance=Page(title=slug, slug=slug))
    from loa.core.cache import bump_content_version

    bump_content_version()
    return home
