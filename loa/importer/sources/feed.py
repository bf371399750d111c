"""RSS/Atom feeds (feedparser): the entry's full content when the feed has it, else its page's main content."""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from .. import conf
from ..extract import extract_page
from ..http import FetchError, PoliteClient
from ..items import SourceItem
from ..writer import Outcome

FULL_CONTENT_CHARS = 400  # an entry with less text than this is a teaser: its page is read instead


class FeedError(ValueError):
    pass


def _load(source: str, client: PoliteClient) -> tuple[bytes, str]:
    limit = int(float(conf.get("IMPORTER_MAX_FEED_MB")) * 1024 * 1024)
    if source.startswith(("http://", "https://")):
        try:
            answer = client.get(source, max_bytes=limit)
        except FetchError as exc:
            raise FeedError(f"không tải được nguồn tin {source}: {exc}") from exc
        return answer.content, answer.url
    path = Path(source)
    if not path.is_file():
        raise FeedError(f"không có tệp {source}")
    if path.stat().st_size > limit:
        raise FeedError(f"nguồn tin quá lớn ({path.stat().st_size // 1024 // 1024} MB)")
    return path.read_bytes(), ""


def _date(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def read_feed(source: str, client: PoliteClient) -> Iterator[SourceItem | Outcome]:
    data, base = _load(source, client)
    parsed = feedparser.parse(data, response_headers={"content-location": base} if base else None,
                              sanitize_html=False, resolve_relative_uris=True)
    problem = parsed.get("bozo_exception")
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.bozo and (not parsed.entries or not isinstance(problem, harmless)):
        raise FeedError(f"nguồn tin hỏng: {problem}")
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link", "")
        key = entry.get("id") or link
        item = SourceItem(key=key or "", url=link, title=" ".join(entry.get("title", "").split()), body_html="")
        if not key:
            yield Outcome("skipped", "article", item, "mục không có id và đường dẫn")
            continue
        if key in seen:
            yield Outcome("skipped", "article", item, "trùng lặp trong nguồn tin")
            continue
        seen.add(key)
        item.date = _date(entry)
        item.author = entry.get("author", "")
        item.categories = [t.get("term", "") for t in entry.get("tags", []) if t.get("term")]
        content = "".join(c.get("value", "") for c in entry.get("content", []))
        summary = entry.get("summary", "")
        from loa.core.text import html_to_text

        if len(html_to_text(content)) >= FULL_CONTENT_CHARS:
            item.body_html = content
            item.summary = summary if summary != content else ""
        elif link:
            try:
                answer = client.get(link)
            except FetchError as exc:
                yield Outcome("failed", "article", item, f"không tải được trang bài: {exc}")
                continue
            page = extract_page(answer.text(), answer.url)
            item.body_html = page.body_html or content
            item.summary = html_to_text(summary) if html_to_text(summary) != item.title + "." else ""
            item.title = item.title or page.title
            item.date = item.date or page.date
            item.notes.append("nội dung lấy từ trang bài")
        else:
            item.body_html = content or summary
        yield item
