"""An old article page's HTML -> title, date, summary, author, category and body HTML.

trafilatura (main content, metadata) and htmldate (publication date) do the work; the mapping's
[selectors] take over wherever they are given, for portals whose templates fool the heuristics.
"""
from __future__ import annotations

import re
from datetime import datetime

import lxml.html
from lxml import etree

from .docmeta import find_date
from .items import SourceItem
from .writer import aware

NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\D+(\d{1,2})[:h](\d{2}))?")


def _select(tree, selector: str):
    try:
        return tree.cssselect(selector)
    except (etree.XPathError, SyntaxError, ValueError):
        return []


def _first_text(tree, selector: str) -> str:
    found = _select(tree, selector) if selector else []
    return " ".join(found[0].text_content().split()) if found else ""


def parse_date(text: str) -> datetime | None:
    """"Ngày đăng: 18/11/2024 08:30", "ngày 18 tháng 11 năm 2024", "2024-11-18" -> local datetime."""
    if not text:
        return None
    if match := NUMERIC_DATE.search(text):
        d, m, y, hh, mm = match.groups()
        try:
            return aware(datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0)))
        except ValueError:
            return None
    if found := find_date(text):
        return aware(found)
    if match := re.search(r"(\d{4})-(\d{2})-(\d{2})", text):
        try:
            return aware(datetime(*map(int, match.groups())))
        except ValueError:
            return None
    return None


def extract_page(html: str, url: str, selectors: dict[str, str] | None = None) -> SourceItem:
    import htmldate
    import trafilatura

    selectors = selectors or {}
    item = SourceItem(key=url, url=url, title="", body_html="")
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return item
    metadata = trafilatura.extract_metadata(html)
    item.title = _first_text(tree, selectors.get("title", "")) or (metadata.title if metadata else "") or ""
    item.author = _first_text(tree, selectors.get("author", "")) or (metadata.author if metadata else "") or ""
    item.summary = _first_text(tree, selectors.get("summary", ""))
    if category := _first_text(tree, selectors.get("category", "")):
        item.categories = [category]
    elif metadata and metadata.categories:
        item.categories = list(metadata.categories)[:3]
    item.date = parse_date(_first_text(tree, selectors.get("date", "")))
    if item.date is None:
        found = htmldate.find_date(html, original_date=True, url=url, extensive_search=False)
        item.date = parse_date(found) if found else None
    body = _select(tree, selectors["body"]) if selectors.get("body") else []
    if body:
        item.body_html = etree.tostring(body[0], encoding="unicode", method="html")
    else:
        extracted = trafilatura.extract(html, url=url, output_format="html", include_images=True,
                                        include_tables=True, include_links=True, include_comments=False)
        if extracted:
            root = lxml.html.fromstring(extracted)
            for h1 in root.iter("h1"):  # the title is the page's title, not a body heading
                if " ".join(h1.text_content().split()) == item.title:
                    h1.drop_tree()
                    break
            item.body_html = "".join(etree.tostring(child, encoding="unicode", method="html")
                                     for child in (root.find("body") if root.find("body") is not None else root))
    return item
