from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from .models import ArticlePage, SiteBranding, live_articles

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    """RSS 2.0 feed of the latest published articles."""

    feed_type = Rss201rev2Feed
    language = "vi"

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        if self.site is None:
            return "Tin mới"
        return f"{SiteBranding.for_site(self.site).site_name} – Tin mới"

    def link(self) -> str:
        return "/"

    def description(self) -> str:
        return "Các tin bài mới nhất."

    def items(self):
        articles = live_articles()
        if self.site is not None:
            articles = articles.descendant_of(self.site.root_page, inclusive=True)
        return articles[:FEED_SIZE]

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url(self.request) or "/"

    def item_pubdate(self, item: ArticlePage):
        return item.date

    def item_updateddate(self, item: ArticlePage):
        return item.last_published_at

    def item_author_name(self, item: ArticlePage) -> str:
        return item.author or item.source

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [tag.name for tag in item.tags.all()]
