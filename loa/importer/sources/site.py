"""A crawl of an old portal: its sitemap(s), else links from the home page, within the host, bounded.

Bounds: IMPORTER_MAX_PAGES pages, IMPORTER_MAX_DEPTH links from the start, and at most
IMPORTER_MAX_QUERY_VARIANTS URLs per path with different query strings (endless calendars,
faceted lists, sort orders); robots.txt and the host limit are the client's. Pages that have no
title or no date (lists, menus) are not articles and are reported as such, not imported.
"""
from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

from .. import conf
from ..extract import extract_page
from ..http import FetchError, PoliteClient
from ..items import SourceItem
from ..mapping import Mapping
from ..writer import Outcome

SKIP_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".css", ".js", ".zip", ".rar", ".mp3", ".mp4",
                 ".pdf", ".doc", ".docx", ".xls", ".xlsx")
NUMBER_SEGMENT = re.compile(r"\d+")


def _sitemap_urls(client: PoliteClient, start: str, limit: int) -> list[str]:
    found: list[str] = []
    queue = [urljoin(start, "/sitemap.xml")]
    seen: set[str] = set()
    while queue and len(found) < limit and len(seen) < 50:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            answer = client.get(url)
            root = etree.fromstring(answer.content, etree.XMLParser(resolve_entities=False, no_network=True))
        except (FetchError, etree.XMLSyntaxError):
            continue
        for loc in root.iter("{*}loc"):
            text = (loc.text or "").strip()
            if root.tag.endswith("sitemapindex"):
                queue.append(text)
            elif text:
                found.append(text)
    return found[:limit]


def _shape(url: str) -> str:
    """URLs of one shape (same path with numbers folded, any query) count against one variant budget."""
    parts = urlsplit(url)
    return NUMBER_SEGMENT.sub("#", parts.path)


def read_site(start: str, client: PoliteClient, mapping: Mapping, *, max_pages: int | None = None,
              max_depth: int | None = None) -> Iterator[SourceItem | Outcome]:
    max_pages = int(max_pages or conf.get("IMPORTER_MAX_PAGES"))
    max_depth = int(conf.get("IMPORTER_MAX_DEPTH") if max_depth is None else max_depth)
    variants = int(conf.get("IMPORTER_MAX_QUERY_VARIANTS"))
    from_sitemap = _sitemap_urls(client, start, max_pages)
    queue: deque[tuple[str, int]] = deque((u, 0) for u in from_sitemap) if from_sitemap else deque([(start, 0)])
    seen: set[str] = {u for u, _ in queue}
    shapes: Counter = Counter()
    fetched = 0
    # The next few pages of the queue are fetched ahead, at most the client's per-host cap at once
    # (the client also spaces them by its delay); new links go to the end, so the head is stable.
    pool = ThreadPoolExecutor(max_workers=client.concurrency, thread_name_prefix="loa-import-fetch")
    ahead: dict[str, Future] = {}
    try:
        while queue and fetched < max_pages:
            for next_url, _ in islice(queue, 0, client.concurrency):
                if next_url not in ahead and fetched + len(ahead) < max_pages and client.allowed_host(next_url):
                    ahead[next_url] = pool.submit(client.get, next_url)
            url, depth = queue.popleft()
            yield from _page(url, depth, ahead.pop(url, None), client, mapping, from_sitemap, queue, seen, shapes,
                             max_depth, variants)
            fetched += client.allowed_host(url)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if queue:
        rest = SourceItem(key=start, url=start, title="", body_html="")
        yield Outcome("skipped", "article", rest, f"dừng thu thập ở giới hạn {max_pages} trang; còn {len(queue)} địa chỉ")


def _page(url: str, depth: int, fetching: Future | None, client: PoliteClient, mapping: Mapping, from_sitemap: bool,
          queue: deque, seen: set[str], shapes: Counter, max_depth: int, variants: int) -> Iterator[SourceItem | Outcome]:
    """One crawled page: its links queued (when crawling), then its item or why there is none."""
    follow_links = not from_sitemap
    stub = SourceItem(key=url, url=url, title="", body_html="")
    if not client.allowed_host(url):
        yield Outcome("skipped", "article", stub, "ngoài máy chủ được phép")
        return
    try:
        answer = fetching.result() if fetching is not None else client.get(url)
    except FetchError as exc:
        yield Outcome("failed", "article", stub, str(exc))
        return
    if "html" not in answer.content_type:
        yield Outcome("skipped", "article", stub, f"không phải trang HTML ({answer.content_type})")
        return
    html = answer.text()
    if follow_links and depth < max_depth:
        for link in _links(html, answer.url, mapping.selectors.get("links", "")):
            if link in seen or not client.allowed_host(link) or link.lower().endswith(SKIP_SUFFIXES):
                continue
            shape = _shape(link)
            if shapes[shape] >= variants:
                continue
            shapes[shape] += 1
            seen.add(link)
            queue.append((link, depth + 1))
    if mapping.kind_for(url) == "skip":
        yield Outcome("skipped", "article", stub, "bỏ qua theo tệp ánh xạ [pages] skip")
        return
    item = extract_page(html, url, mapping.selectors)
    if answer.url != url:
        item.old_urls.append(answer.url)
    if not item.title or item.date is None or not item.body_html:
        if from_sitemap:  # the sitemap says it is content: report what is missing
            missing = "tiêu đề" if not item.title else "ngày đăng" if item.date is None else "nội dung"
            yield Outcome("skipped", "article", item, f"không có {missing}")
        return  # a list or menu page found by crawling: not an article
    yield item


def _links(html: str, base: str, selector: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    anchors = tree.cssselect(selector) if selector else tree.iter("a")
    out = []
    for a in anchors:
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("mailto:", "tel:", "javascript:")):
            out.append(urldefrag(urljoin(base, href))[0])
    return out
