"""What every source (feed, WordPress, crawled site) hands to the writer: one SourceItem per old page."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Attachment:
    url: str
    title: str = ""


@dataclass
class SourceItem:
    key: str  # GUID or source URL: what makes a second run find the same item
    url: str  # the old page's address (its path and query become a redirect)
    title: str
    body_html: str
    date: datetime | None = None
    summary: str = ""
    author: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    cover_url: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    kind: str = ""  # article, document, info; "" = decided by the mapping
    old_urls: list[str] = field(default_factory=list)  # more addresses of the same page (e.g. ?p=123)
    encoding: str = ""  # legacy encoding found on the page ("TCVN3", ...), for the report
    notes: list[str] = field(default_factory=list)  # cleaned things, for the report

    def content_hash(self) -> str:
        data = {
            "title": self.title, "body": self.body_html, "date": self.date.isoformat() if self.date else "",
            "summary": self.summary, "author": self.author, "categories": self.categories, "tags": self.tags,
            "cover": self.cover_url, "attachments": [(a.url, a.title) for a in self.attachments], "kind": self.kind,
        }
        return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class SkipItem(Exception):
    """An item that is not imported, with the reason for the report."""
