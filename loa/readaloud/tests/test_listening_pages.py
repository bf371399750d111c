"""Podcast feeds per chuyên mục read by a real feed parser, their discovery links, /embed/, /nghe/, "Nghe tiếp"."""
from __future__ import annotations

import json
from datetime import timedelta
from html.parser import HTMLParser

import feedparser
import pytest
from django.utils import timezone

from loa.pages.tests.factories import make_category
from loa.readaloud.listening.next_up import next_candidates
from loa.readaloud.models import Narration
from loa.readaloud.narration.audio_store import audio_path, audio_url

from .helpers import paragraph, publish_article, republish, run_tasks

pytestmark = pytest.mark.django_db


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds: list[dict] = []
        self.description = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.feeds.append(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")


def head_of(client, url: str) -> _Links:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def two_categories(category):
    """`category` with two articles (one with stale audio), a second category with one."""
    home = category.get_parent()
    other = make_category(home, title="Tin tức – Sự kiện", slug="tin-tuc")
    now = timezone.now()
    older = publish_article(category, title="Tin cũ hơn", date=now - timedelta(days=2))
    newer = publish_article(category, title="Tin mới hơn", date=now - timedelta(days=1))
    elsewhere = publish_article(other, title="Tin chuyên mục khác", date=now)
    run_tasks()
    stale = publish_article(category, title="Tin sửa sau khi đọc", date=now - timedelta(days=3))
    run_tasks()
    republish(stale, body=[paragraph("<p>Nội dung mới chưa đọc.</p>")])  # its audio no longer matches
    return category, other, {"older": older, "newer": newer, "elsewhere": elsewhere, "stale": stale}


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_every_feed_has_enclosures_durations_and_is_discoverable(client, two_categories):
    category, other, articles = two_categories
    site_feed = parse(client, "/podcast.xml")
    assert [e.title for e in site_feed.entries] == ["Tin chuyên mục khác", "Tin mới hơn", "Tin cũ hơn"]
    category_feed = parse(client, f"/podcast/{category.slug}.xml")
    assert [e.title for e in category_feed.entries] == ["Tin mới hơn", "Tin cũ hơn"]  # no stale audio, no other category
    assert category_feed.feed.title.endswith(f"– {category.title} – Nghe tin bài")
    assert category_feed.feed.link == "http://testserver" + category.url
    assert category_feed.feed.language == "vi" and category_feed.feed.image.href.endswith(".png")
    assert [e.title for e in parse(client, f"/podcast/{other.slug}.xml").entries] == ["Tin chuyên mục khác"]

    for feed in (site_feed, category_feed):
        for entry in feed.entries:
            article = next(a for a in articles.values() if a.title == entry.title)
            narration = Narration.objects.get(page_id=article.pk, voice="vi-south-male")
            (enclosure,) = entry.enclosures
            assert enclosure.type == "audio/mpeg"
            assert enclosure.href == "http://testserver" + audio_url(narration.audio_name)
            assert int(enclosure.length) == audio_path(narration.audio_name).stat().st_size
            assert client.get(audio_url(narration.audio_name)).status_code == 200
            h, m, s = map(int, entry.itunes_duration.split(":"))
            assert abs(h * 3600 + m * 60 + s - narration.duration) <= 0.5 + 1e-9
            assert entry.link == "http://testserver" + article.url

    # Discovery: the site's podcast everywhere, the category's on the category and its articles.
    site_link = {"rel": "alternate", "type": "application/rss+xml", "href": "/podcast.xml"}
    category_href = f"/podcast/{category.slug}.xml"
    for url, expected in (("/", [site_link["href"]]), (category.url, [site_link["href"], category_href]),
                          (articles["newer"].url, [site_link["href"], category_href]), ("/nghe/", [site_link["href"]])):
        feeds = [f for f in head_of(client, url).feeds if "podcast" in f["href"]]
        assert [f["href"] for f in feeds] == expected, url
        assert all(f["type"] == "application/rss+xml" and f["title"] for f in feeds)
        for href in expected:
            assert parse(client, href).entries
    assert "/rss/" in [f["href"] for f in head_of(client, "/").feeds]  # the news feed stays


def test_unknown_category_feed_is_404(client, category):
    assert client.get("/podcast/khong-co.xml").status_code == 404
    assert client.get("/podcast/%3Cscript%3E.xml").status_code == 404


def test_every_page_type_has_a_meta_description(client, two_categories):
    category, _, articles = two_categories
    for url in ("/", category.url, articles["newer"].url, "/nghe/", "/tim-kiem/?q=tin"):
        description = head_of(client, url).description
        assert description and 20 <= len(description) <= 220, (url, description)


def test_embed_page_may_be_framed_and_plays_the_article(client, two_categories):
    article = two_categories[2]["newer"]
    response = client.get(f"/embed/{article.pk}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response  # framed by other sites (the article itself stays SAMEORIGIN)
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert client.get(article.url)["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in client.get(article.url)["Content-Security-Policy"]
    html = response.content.decode()
    assert 'data-readaloud-player' in html and f'data-api="/api/readaloud/pages/{article.pk}"' in html
    assert 'name="robots" content="noindex"' in html and "readaloud/embed.js" in html
    assert f'data-stats-hit="/api/stats/hit" data-path="{article.url}"' in html
    assert "data-readaloud-mini" not in html and 'data-ra="follow"' not in html  # the text is not on this page
    assert client.get("/embed/999999/").status_code == 404
    assert client.get(f"/embed/{two_categories[0].pk}/").status_code == 404  # a category is not read aloud


def test_article_offers_the_embed_code_escaped(client, category):
    article = publish_article(category, title='Tin "đặc biệt" <b>&</b>')
    html = client.get(article.url).content.decode()
    assert (f'&lt;iframe src=&quot;http://testserver/embed/{article.pk}/&quot; '
            'title=&quot;Nghe đọc bài: Tin &amp;quot;đặc biệt&amp;quot; &amp;lt;b&amp;gt;&amp;amp;&amp;lt;/b&amp;gt;&quot;') in html
    assert "Sao chép mã nhúng" in html


def test_listen_page_lists_latest_articles_with_durations(client, two_categories):
    _, _, articles = two_categories
    html = client.get("/nghe/").content.decode()
    newer = Narration.objects.get(page_id=articles["newer"].pk, voice="vi-south-male")
    assert f'data-audio="{audio_url(newer.audio_name)}"' in html
    assert f'data-duration="{newer.duration:.3f}"' in html
    assert html.index("Tin chuyên mục khác") < html.index("Tin mới hơn") < html.index("Tin cũ hơn")
    stale_item = html[html.index(f'data-id="{articles["stale"].pk}"'):]
    stale_item = stale_item[: stale_item.index("</li>")]
    assert "Âm thanh đang được tạo" in stale_item and "data-audio" not in stale_item
    assert html.count("data-listen-play") == 3 and "listen.js" in html


def test_next_candidates_are_the_older_siblings_newest_first_then_the_newer(category):
    now = timezone.now()
    made = [publish_article(category, title=f"Tin {k}", date=now - timedelta(days=k)) for k in range(5)]
    assert [c["title"] for c in next_candidates(made[2])] == ["Tin 3", "Tin 4", "Tin 0", "Tin 1"]
    assert [c["title"] for c in next_candidates(made[4])] == ["Tin 0", "Tin 1", "Tin 2", "Tin 3"]
    assert next_candidates(made[0], limit=2) == [{"id": made[1].pk, "title": "Tin 1", "url": made[1].url},
                                                 {"id": made[2].pk, "title": "Tin 2", "url": made[2].url}]


def test_next_list_is_in_the_page_as_json(client, category):
    now = timezone.now()
    first = publish_article(category, title="Tin </script><script>alert(1)</script>", date=now - timedelta(days=1))
    second = publish_article(category, title="Tin mới", date=now)
    html = client.get(second.url).content.decode()
    data = html[html.index('<script id="readaloud-next" type="application/json">'):]
    data = data[data.index(">") + 1: data.index("</script>")]
    assert json.loads(data) == [{"id": first.pk, "title": first.title, "url": first.url}]
    assert "<script>alert(1)" not in html


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("pages/icons/favicon-32.png")
