"""The English version: pages translated with Wagtail's own tools live under /en/, Vietnamese stays at
the root; the switcher and hreflang link each page to its translation; the English sitemap; English
interface strings on English pages only."""
from __future__ import annotations

import re

import pytest

from loa.languages.demo import load_english_demo
from loa.pages.demo.loader import ensure_roots
from loa.pages.tests.factories import make_home

FUNCTIONS_VI = "/gioi-thieu/chuc-nang-nhiem-vu/"
FUNCTIONS_EN = "/en/gioi-thieu/chuc-nang-nhiem-vu/"


@pytest.fixture
def site(db):
    from loa.infopages.demo import load_info_pages

    ensure_roots()
    home = make_home()
    load_info_pages(home)
    load_english_demo(home)
    return home


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def switcher(html: str) -> dict[str, str]:
    block = re.search(r'<ul class="language-switcher"[^>]*>(.*?)</ul>', html, re.S)
    return {lang: href.split("://", 1)[-1].split("/", 1)[-1] for href, lang in
            re.findall(r'<a href="([^"]+)" hreflang="[\w-]+" lang="([\w-]+)">', block.group(1))} if block else {}


def test_the_english_pages_live_under_en_and_vietnamese_stays_at_the_root(client, site):
    english = client.get(FUNCTIONS_EN)
    assert english.status_code == 200
    html = english.content.decode()
    assert '<html lang="en"' in html and "Functions and duties" in html and "Skip to main content" in html
    vietnamese = client.get(FUNCTIONS_VI).content.decode()
    assert '<html lang="vi"' in vietnamese and "Chức năng, nhiệm vụ" in vietnamese
    assert "Bỏ qua, đến nội dung chính" in vietnamese and "Skip to main content" not in vietnamese
    home = client.get("/en/").content.decode()
    for title in ("Introduction", "Home"):
        assert title in home
    assert client.get("/en/gioi-thieu/lien-he/").status_code == 200
    assert client.get("/vi/gioi-thieu/").status_code == 404  # no prefix for Vietnamese


def test_switcher_and_hreflang_link_each_page_to_its_translation(client, site):
    english = client.get(FUNCTIONS_EN).content.decode()
    vietnamese = client.get(FUNCTIONS_VI).content.decode()
    for html in (english, vietnamese):
        links = alternates(html)
        assert links["vi"].endswith(FUNCTIONS_VI) and links["en"].endswith(FUNCTIONS_EN)
        assert links["x-default"] == links["vi"]
    assert switcher(english) == {"vi": FUNCTIONS_VI.lstrip("/")}
    assert switcher(vietnamese) == {"en": FUNCTIONS_EN.lstrip("/")}


def test_a_page_without_translation_offers_the_english_home(client, site):
    from loa.infopages.models import InfoPage

    about = InfoPage.objects.get(slug="gioi-thieu", locale__language_code="vi")
    extra = InfoPage(title="Chỉ có tiếng Việt", slug="chi-tieng-viet")
    about.add_child(instance=extra)
    extra.save_revision().publish()
    html = client.get("/gioi-thieu/chi-tieng-viet/").content.decode()
    assert switcher(html) == {"en": "en/"} and "hreflang=\"en\" href" not in html


def test_the_english_sitemap_lists_the_english_pages(client, site):
    english = client.get("/en/sitemap.xml").content.decode()
    vietnamese = client.get("/sitemap.xml").content.decode()
    english_locs = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", english)
    vietnamese_locs = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", vietnamese)
    assert FUNCTIONS_EN in english_locs and all(loc.startswith("/en/") for loc in english_locs)
    assert FUNCTIONS_VI in vietnamese_locs and not any(loc.startswith("/en/") for loc in vietnamese_locs)
    assert "Sitemap: http://testserver/en/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_the_admin_stays_vietnamese(admin_client, site):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="vi"' in html


def test_english_pages_are_read_aloud_in_an_english_voice(client, site):
    from loa.readaloud.models import Narration
    from loa.readaloud.tests.helpers import run_tasks

    html = client.get(FUNCTIONS_EN).content.decode()
    assert 'data-default-voice="en-female"' in html and 'value="vi-' not in html
    vietnamese = client.get(FUNCTIONS_VI).content.decode()
    assert 'data-default-voice="vi-south-male"' in vietnamese and 'value="en-' not in vietnamese
    run_tasks()
    from wagtail.models import Page

    page = Page.objects.get(slug="chuc-nang-nhiem-vu", locale__language_code="en")
    narration = Narration.objects.get(page_id=page.pk)
    assert narration.voice == "en-female" and narration.state == "ready" and narration.duration > 5


def player_words(html: str) -> dict[str, str]:
    import json

    found = re.search(r'<script id="readaloud-text" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_the_player_and_the_visitor_box_speak_the_pages_language(client, site):
    english = client.get(FUNCTIONS_EN).content.decode()
    for label in ("Listen to this article", "Keyboard shortcuts", "Download", "VISITORS", "Online now", "0.75×"):
        assert label in english
    for label in ("Nghe đọc bài", "Phím tắt khi nghe", "THỐNG KÊ TRUY CẬP", "Đang online", "0,75×"):
        assert label not in english
    assert player_words(english)["position"] == "Position {time}"
    assert 'data-thousands=","' in english
    vietnamese = client.get(FUNCTIONS_VI).content.decode()
    for label in ("Nghe đọc bài", "Phím tắt khi nghe", "THỐNG KÊ TRUY CẬP", "0,75×"):
        assert label in vietnamese
    assert "Listen to this article" not in vietnamese and "VISITORS" not in vietnamese
    assert player_words(vietnamese)["position"] == "Vị trí {time}"
    assert 'data-thousands="."' in vietnamese
