"""Atom and RSS of petitions for any filter (per locality, agency, status...): /kien-nghi/atom/?dia-ban=xa-tan-phu.

An item is a petition; its id changes with its status, so a reader sees each step (đã chuyển, đã trả lời...)
as news. No sign-up, nothing about the reader is kept.
"""
from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .filters import PetitionFilters, read_filters

FEED_SIZE = 50


class PetitionFeed(Feed):
    language = "vi"

    def __init__(self, index, atom: bool = True) -> None:
        super().__init__()
        self.index = index
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed
        self.filters = PetitionFilters()

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        self.filters = read_filters(request)
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        described = self.filters.describe()
        return f"{self.index.title}{' – ' + described if described else ''}"

    def link(self) -> str:
        query = self.filters.querystring()
        return (self.index.get_url(self.request) or "/") + (f"?{query}" if query else "")

    def description(self) -> str:
        return "Kiến nghị cử tri và tiến độ trả lời, giải quyết."

    subtitle = description

    def items(self):
        return self.filters.apply(self.index.petitions()).order_by("-status_date", "-pk")[:FEED_SIZE]

    def item_title(self, item) -> str:
        return f"[{item.status_label}{' – quá hạn' if item.overdue else ''}] {item.title}"

    def item_description(self, item) -> str:
        return f"{item.content}\n\nCơ quan trả lời: {item.agency.name}. Địa bàn: {item.locality.name}."

    def item_link(self, item) -> str:
        return item.get_url(self.request) or "/"

    def feed_url(self) -> str:
        return self.request.get_full_path()

    def item_guid(self, item) -> str:
        url = self.request.build_absolute_uri(item.get_url(self.request))
        return f"{url}#{item.status}-{item.status_date:%Y%m%d}"

    item_guid_is_permalink = False

    def item_pubdate(self, item) -> datetime:
        return timezone.make_aware(datetime.combine(item.status_date or item.received_on, time(8, 0)))

    def item_updateddate(self, item) -> datetime:
        return self.item_pubdate(item)

    def item_author_name(self, item) -> str:
        return item.agency.name

    def item_categories(self, item) -> list[str]:
        return [item.status_label, item.topic.name, item.locality.name]
