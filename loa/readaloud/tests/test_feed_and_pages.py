"""The podcast feed, the player on the article page, and the editor's audio panel."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model

from loa.readaloud.models import Narration, NarrationState, PronunciationEntry
from loa.readaloud.narration.audio_store import audio_path, audio_url

from .helpers import paragraph, publish_article, readaloud_tasks, run_tasks

pytestmark = pytest.mark.django_db
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def test_podcast_feed_has_ready_articles_with_enclosures(client, category):
    ready = publish_article(category, title="Tin đã có âm thanh")
    run_tasks()
    publish_article(category, title="Tin chưa có âm thanh")
    response = client.get("/podcast.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find(f"{ITUNES}image").get("href").startswith("http://testserver/static/readaloud/")
    assert channel.find(f"{ITUNES}category").get("text") == "Government"
    assert channel.find("language").text == "vi"
    items = channel.findall("item")
    assert [item.find("title").text for item in items] == ["Tin đã có âm thanh"]
    narration = Narration.objects.get(page_id=ready.pk)
    enclosure = items[0].find("enclosure")
    assert enclosure.get("type") == "audio/mpeg"
    assert int(enclosure.get("length")) == audio_path(narration.audio_name).stat().st_size
    assert enclosure.get("url") == "http://testserver" + audio_url(narration.audio_name)
    hours, minutes, seconds = map(int, items[0].find(f"{ITUNES}duration").text.split(":"))
    assert abs(hours * 3600 + minutes * 60 + seconds - narration.duration) <= 1
    assert items[0].find("guid").text == f"loa-article-{ready.pk}"


def test_the_feed_owner_carries_the_office_email_when_set(client, category):
    from wagtail.models import Site

    from loa.operator.models import OperatorSettings

    def owner():
        channel = ET.fromstring(client.get("/podcast.xml").content).find("channel")
        return channel.find(f"{ITUNES}owner")

    assert owner().find(f"{ITUNES}email") is None
    settings = OperatorSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = "vanphong@hdnd.example.gov.vn"
    settings.save()
    assert owner().find(f"{ITUNES}email").text == "vanphong@hdnd.example.gov.vn"
    assert owner().find(f"{ITUNES}name").text


def test_stale_audio_leaves_the_feed_until_regenerated(client, category):
    article = publish_article(category)
    run_tasks()
    assert len(ET.fromstring(client.get("/podcast.xml").content).findall("channel/item")) == 1
    page = article.__class__.objects.get(pk=article.pk)
    page.body = [paragraph("<p>Nội dung đã sửa.</p>")]
    page.save_revision().publish()
    assert ET.fromstring(client.get("/podcast.xml").content).findall("channel/item") == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("withdraw", ["unpublish", "delete"])
def test_withdrawn_article_takes_its_audio_with_it(client, category, withdraw):
    article = publish_article(category)
    run_tasks()
    narration = Narration.objects.get(page_id=article.pk)
    url, path = audio_url(narration.audio_name), audio_path(narration.audio_name)
    assert client.get(url).status_code == 200
    page = article.__class__.objects.get(pk=article.pk)
    page.unpublish() if withdraw == "unpublish" else page.delete()
    assert not Narration.objects.filter(page_id=article.pk).exists()
    assert not path.exists()
    assert client.get(url).status_code == 404
    assert client.get(f"/api/readaloud/pages/{article.pk}").status_code == 404
    assert ET.fromstring(client.get("/podcast.xml").content).findall("channel/item") == []


def test_article_page_carries_the_player_and_a_no_script_fallback(client, article):
    html = client.get(article.url).content.decode()
    assert f'data-api="/api/readaloud/pages/{article.pk}"' in html
    assert "Âm thanh của bài đang được tạo" in html and "<audio" not in html
    assert "readaloud/player.js" in html and "readaloud/player.css" in html
    assert 'data-mini="progress" max="1"' in html  # no duration yet: a valid positive max, never 0
    run_tasks()
    html = client.get(article.url).content.decode()
    narration = Narration.objects.get(page_id=article.pk)
    assert f'<audio controls preload="none" src="{audio_url(narration.audio_name)}"' in html
    assert f'href="{audio_url(narration.audio_name)}" download=' in html
    assert f'data-mini="progress" max="{round(narration.duration)}"' in html
    # shown only with JavaScript: the head script turns <html class="no-js"> into "js" before the first paint
    assert '<html lang="vi" class="no-js">' in html and "pages/js/prefs.js" in html
    assert html.count('<option value="vi-') == 6 and 'value="vi-south-male" selected' in html


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "b@example.vn", "mat-khau-1")
    client.force_login(user)
    return client


def test_editor_sees_state_per_voice_and_can_regenerate(admin_client, article):
    run_tasks()
    edit = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    html = edit.content.decode()
    assert edit.status_code == 200
    assert "Âm thanh đọc bài" in html and "Giọng nam miền Nam" in html and "Sẵn sàng" in html
    assert html.count("<audio controls") == 1  # preview of the ready voice
    assert f"/admin/readaloud/pages/{article.pk}/regenerate/" in html

    confirm = admin_client.get(f"/admin/readaloud/pages/{article.pk}/regenerate/")
    assert confirm.status_code == 200 and "Tạo lại âm thanh" in confirm.content.decode()
    queued = readaloud_tasks().count()
    done = admin_client.post(f"/admin/readaloud/pages/{article.pk}/regenerate/")
    assert done.status_code == 302 and done["Location"].endswith(f"/admin/pages/{article.pk}/edit/")
    assert readaloud_tasks().count() == queued + 1
    assert Narration.objects.get(page_id=article.pk).state == NarrationState.PENDING


def test_editor_sees_the_last_error(admin_client, article, tmp_path):
    (tmp_path / "media").write_text("not a directory")
    run_tasks()
    html = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Lỗi, sẽ thử lại" in html and "Lỗi gần nhất" in html and "NotADirectoryError" in html


def test_regenerate_needs_login(client, article):
    response = client.post(f"/admin/readaloud/pages/{article.pk}/regenerate/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_lexicon_snippet_in_admin(admin_client):
    PronunciationEntry.objects.create(written="eCabinet", spoken="i ca bi nét")
    listing = admin_client.get("/admin/snippets/readaloud/pronunciationentry/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Từ điển phát âm" in html and "i ca bi nét" in html


PLAYER_SCRIPTS = ("player.js", "mini.js", "next.js")  # what an article page loads for its player


def test_player_scripts_stay_under_20_kb_as_served_and_framework_free():
    from pathlib import Path

    from loa.core.static_storage import minify

    folder = Path(__file__).resolve().parents[1] / "static" / "readaloud"
    sources = [(folder / name).read_bytes() for name in PLAYER_SCRIPTS]
    assert len(sources[0]) < 20_000  # player.js itself, unminified
    assert sum(len(minify(source)) for source in sources) < 20_000  # all three, as production serves them (rjsmin)
    for source in sources:
        assert b"import " not in source and b"require(" not in source
