"""RSS 2.0 of a library's newest documents: /van-ban/rss/."""
from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def __init__(self, index) -> None:  # a DocumentIndexPage
        super().__init__()
        self.index = index

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return f"{self.index.title} – Văn bản mới"

    def link(self) -> str:
        return self.index.get_url(self.request) or "/"

    def description(self) -> str:
        return "Các văn bản mới ban hành."

    def items(self):
        return self.index.documents()[:FEED_SIZE]

    def item_title(self, item) -> str:
        return f"{item.doc_type.name} {item.number}: {item.title}"

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url(self.request) or "/"

    def item_pubdate(self, item) -> datetime:
        return timezone.make_aware(datetime.combine(item.issued_date, time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item) -> str:
        return item.issuer.name

    def item_categories(self, item) -> list[str]:
        return [item.doc_type.name]
