"""The podcast feed: every article whose audio is ready, as an RSS episode with its MP3 and iTunes tags."""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from .audio_store import audio_url
from .keys import default_voice_id
from .models import Narration, NarrationState, ReadingScript
from .narrations import wanted_key

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
        handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", item["itunes_duration"])
        handler.addQuickElement("itunes:summary", item["description"] or item["title"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")


class PodcastFeed(Feed):
    feed_type = PodcastFeedType
    description = "Nghe các tin bài của Cổng thông tin điện tử Hội đồng nhân dân tỉnh, đọc bằng giọng nam miền Nam."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def site_name(self) -> str:
        from loa.pages.models import SiteBranding

        return SiteBranding.for_request(self.request).site_name

    def title(self) -> str:
        return f"{self.site_name()} – Nghe tin bài"

    def link(self) -> str:
        return "/"

    def feed_extra_kwargs(self, obj) -> dict:
        return {
            "itunes_author": self.site_name(),
            "itunes_image": self.request.build_absolute_uri(static("readaloud/podcast-cover.png")),
        }

    def items(self) -> list:
        """Live articles, newest first, whose default-voice audio is ready and current."""
        from loa.pages.models import ArticlePage

        voice = default_voice_id()
        ready = {
            narration.page_id: narration
            for narration in Narration.objects.filter(voice=voice, state=NarrationState.READY).exclude(audio_name="")
        }
        articles = list(ArticlePage.objects.live().public().filter(pk__in=ready).order_by("-date", "-pk")[:EPISODES])
        scripts = {s.page_id: s for s in ReadingScript.objects.filter(page_id__in=[a.pk for a in articles])}
        episodes = []
        for article in articles:
            narration, script = ready[article.pk], scripts.get(article.pk)
            if script is not None and narration.key == wanted_key(script, voice):
                article.narration = narration
                episodes.append(article)
        return episodes

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
