"""The podcast feeds (the site's and one per chuyên mục): every article whose audio is ready, as an RSS episode with its MP3 and iTunes tags."""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.templatetags.static import static
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from wagtail.models import Site

from ..narration import voices
from ..narration.audio_store import audio_url
from ..narration.keys import default_voice_id
from .episodes import ready_episodes

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
EPISODES = 50


def itunes_duration(seconds: float) -> str:
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:d}:{minutes:02d}:{secs:02d}"


class PodcastFeedType(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self) -> dict:
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS}

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:image", "", {"href": feed["itunes_image"]})
        handler.addQuickElement("itunes:category", "", {"text": "Government"})
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["itunes_author"])
        if feed["itunes_email"]:
            handler.addQuickElement("itunes:email", feed["itunes_email"])
        handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", item["itunes_duration"])
        handler.addQuickElement("itunes:summary", item["description"] or item["title"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")


class PodcastFeed(Feed):
    """`/podcast.xml`: the site's latest articles with audio; `CategoryPodcastFeed` narrows it to one chuyên mục."""

    feed_type = PodcastFeedType
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return super().__call__(request, *args, **kwargs)

    def site_name(self) -> str:
        from loa.pages.models import SiteBranding

        return SiteBranding.for_request(self.request).site_name

    def title(self, obj=None) -> str:
        return f"{self.site_name()} – Nghe tin bài"

    def description(self, obj=None) -> str:
        name = voices.voice(default_voice_id()).name
        return f"Nghe các tin bài của {self.site_name()}, đọc bằng {name[:1].lower()}{name[1:]}."

    def link(self, obj=None) -> str:
        return "/"

    def owner_email(self) -> str:
        """The office's address from its contact details (Cài đặt > Thông tin cơ quan), empty when not set."""
        from loa.operator.models import OperatorSettings

        return OperatorSettings.for_request(self.request).email

    def feed_extra_kwargs(self, obj) -> dict:
        return {
            "itunes_author": self.site_name(),
            "itunes_email": self.owner_email(),
            "itunes_image": self.request.build_absolute_uri(static("readaloud/podcast-cover.png")),
        }

    def articles(self, obj=None):
        """Live public articles of this site (of the category `obj`), newest first."""
        from loa.pages.models import live_articles

        articles = live_articles()
        if obj is not None:
            return articles.descendant_of(obj)
        if self.site is not None:
            articles = articles.descendant_of(self.site.root_page, inclusive=True)
        return articles

    def items(self, obj=None) -> list:
        return ready_episodes(self.articles(obj), EPISODES)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url(request=self.request) or "/"

    def item_guid(self, item) -> str:
        return f"loa-article-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.date

    def item_author_name(self, item) -> str:
        return item.author or self.site_name()

    def item_enclosures(self, item) -> list[Enclosure]:
        url = self.request.build_absolute_uri(audio_url(item.narration.audio_name))
        return [Enclosure(url, str(item.narration.audio_size), "audio/mpeg")]

    def item_extra_kwargs(self, item) -> dict:
        return {"itunes_duration": itunes_duration(item.narration.duration)}


class CategoryPodcastFeed(PodcastFeed):
    """`/podcast/<category slug>.xml`: one chuyên mục of this site."""

    def get_object(self, request, slug: str):
        from loa.pages.models import CategoryPage

        categories = CategoryPage.objects.live().public().filter(slug=slug)
        if self.site is not None:
            categories = categories.descendant_of(self.site.root_page)
        category = categories.first()
        if category is None:
            raise Http404("Không có chuyên mục này.")
        return category

    def title(self, obj=None) -> str:
        return f"{self.site_name()} – {obj.title} – Nghe tin bài"

    def description(self, obj=None) -> str:
        return f"{super().description()} Chuyên mục {obj.title}."

    def link(self, obj=None) -> str:
        return obj.get_url(request=self.request) or "/"
