"""The page cache under concurrent visitors: one rendering per page per process, and an expired copy
served while one thread renders the new one."""
from __future__ import annotations

import threading
import time

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from loa.core.cache import CACHE_HEADER, PageCacheMiddleware, cache_key


class SlowView:
    """A view that takes `seconds` to render and counts its renderings."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.renders = 0
        self.lock = threading.Lock()

    def __call__(self, request) -> HttpResponse:
        with self.lock:
            self.renders += 1
            number = self.renders
        time.sleep(self.seconds)
        return HttpResponse(f"bản {number}", content_type="text/html; charset=utf-8")


@pytest.fixture
def page_cache(settings):
    settings.LOA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def get_all(middleware: PageCacheMiddleware, count: int, path: str = "/tin/bai-dai/") -> list[HttpResponse]:
    responses: list[HttpResponse] = []
    barrier = threading.Barrier(count)

    def visit() -> None:
        barrier.wait()
        responses.append(middleware(RequestFactory().get(path)))

    threads = [threading.Thread(target=visit) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return responses


def test_visitors_arriving_together_wait_for_one_rendering(page_cache):
    view = SlowView(0.3)
    responses = get_all(PageCacheMiddleware(view), 8)
    assert view.renders == 1
    assert sorted(r[CACHE_HEADER] for r in responses) == ["hit"] * 7 + ["miss"]
    assert {r.content.decode() for r in responses} == {"bản 1"}


def test_different_pages_render_side_by_side(page_cache):
    view = SlowView(0.5)
    middleware = PageCacheMiddleware(view)
    started = time.monotonic()
    threads = [threading.Thread(target=middleware, args=(RequestFactory().get(f"/tin/{n}/"),)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert view.renders == 4 and time.monotonic() - started < 1.5  # not one after another (2 s)


def test_an_expired_copy_is_served_while_one_thread_renders_it_anew(page_cache, settings):
    view = SlowView(0.5)
    middleware = PageCacheMiddleware(view)
    assert middleware(RequestFactory().get("/tin/bai-dai/"))[CACHE_HEADER] == "miss"
    key = cache_key(RequestFactory().get("/tin/bai-dai/"))
    status, headers, content, _expires = cache.get(key)
    cache.set(key, (status, headers, content, time.time() - 1), 60)  # its lifetime is over
    view.seconds = 0.6
    responses = get_all(middleware, 6)
    assert view.renders == 2  # the first one, and one refresh
    contents = sorted(r.content.decode() for r in responses)
    assert contents.count("bản 1") == 5 and contents.count("bản 2") == 1
    assert middleware(RequestFactory().get("/tin/bai-dai/")).content.decode() == "bản 2"
