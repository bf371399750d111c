"""A live WordPress site through its REST API (/wp-json/wp/v2/): posts and pages, categories, tags, authors, media.

Pages of 50 are read until WordPress answers an empty list or "past the last page" (400); every request
goes through the polite client (robots.txt, delay, size caps, the operator's host only).
"""
from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlencode, urljoin

from ..http import FetchError, PoliteClient
from ..items import SourceItem
from ..writer import Outcome, aware

PER_PAGE = 50
MAX_PAGES = 400  # 20,000 items: a bound for a site that never says "last page"


class WpRestError(ValueError):
    pass


def _api(base: str, route: str, **params) -> str:
    return urljoin(base.rstrip("/") + "/", f"wp-json/wp/v2/{route}") + ("?" + urlencode(params) if params else "")


def _pages(client: PoliteClient, base: str, route: str, **params) -> Iterator[dict]:
    for number in range(1, MAX_PAGES + 1):
        try:
            answer = client.get(_api(base, route, per_page=PER_PAGE, page=number, **params))
        except FetchError as exc:
            if number > 1 and "HTTP 400" in str(exc):
                return  # WordPress: rest_post_invalid_page_number
            raise WpRestError(f"WordPress REST API {route}: {exc}") from exc
        try:
            rows = json.loads(answer.content)
        except ValueError as exc:
            raise WpRestError(f"WordPress REST API {route}: không phải JSON") from exc
        if not isinstance(rows, list) or not rows:
            return
        yield from (row for row in rows if isinstance(row, dict))


def _names(client: PoliteClient, base: str, route: str) -> dict[int, str]:
    try:
        return {row["id"]: row.get("name", "") for row in _pages(client, base, route) if "id" in row}
    except WpRestError:
        return {}  # e.g. /users needs a login on many sites: names are then left out


def _rendered(row: dict, name: str) -> str:
    value = row.get(name)
    return (value.get("rendered") if isinstance(value, dict) else value) or ""


def read_wp_rest(base: str, client: PoliteClient) -> Iterator[SourceItem | Outcome]:
    categories = _names(client, base, "categories")
    tags = _names(client, base, "tags")
    authors = _names(client, base, "users")
    seen: set[str] = set()
    for route, kind in (("posts", ""), ("pages", "info")):
        for row in _pages(client, base, route, _embed=1):
            link = row.get("link", "")
            key = _rendered(row, "guid") or link
            item = SourceItem(key=key, url=link, title=html.unescape(_rendered(row, "title")),
                              body_html=_rendered(row, "content"), kind=kind)
            if not key or key in seen:
                yield Outcome("skipped", "article", item, "trùng lặp hoặc không có địa chỉ")
                continue
            seen.add(key)
            try:
                item.date = aware(datetime.fromisoformat(row.get("date", "")))
            except (TypeError, ValueError):
                item.date = None
            item.summary = _rendered(row, "excerpt")
            item.categories = [categories[c] for c in row.get("categories", []) if c in categories]
            item.tags = [tags[t] for t in row.get("tags", []) if t in tags]
            item.author = authors.get(row.get("author"), "")
            embedded = row.get("_embedded", {}) if isinstance(row.get("_embedded"), dict) else {}
            media = embedded.get("wp:featuredmedia") or []
            if media and isinstance(media[0], dict):
                item.cover_url = media[0].get("source_url", "")
            if not item.author and embedded.get("author"):
                item.author = (embedded["author"][0] or {}).get("name", "")
            if row.get("id"):
                item.old_urls.append(urljoin(base, f"/?p={row['id']}" if route == "posts" else f"/?page_id={row['id']}"))
            yield item
