"""A registered portal's page read aloud: fetched by Loa, extracted, narrated by the read-aloud pipeline."""
from __future__ import annotations

import pytest

from loa.readaloud.narration.audio_store import audio_path
from loa.readaloud.tests.helpers import run_tasks

from ..models import WidgetNarration, WidgetPage, WidgetSite
from ..pages import refresh_page
from .helpers import ask

pytestmark = pytest.mark.django_db(transaction=False)

ARTICLE = "/tin-tuc.html"


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def test_pending_then_ready_with_blocks_sentences_and_words(client, registered, portal):
    first = ask(client, registered, portal.url(ARTICLE))
    assert first.status_code == 200, first.content
    data = first.json()
    assert data["status"] == "pending"
    assert first["Access-Control-Allow-Origin"] == portal.origin
    assert data["title"] == "Báo cáo chính trị của Đảng bộ cơ sở Hội đồng nhân dân tỉnh"
    tags = [block["tag"] for block in data["blocks"]]
    assert tags == ["h1", "h2", "p", "li", "li", "h3", "p", "p"]  # no caption, no "tin liên quan"
    assert portal.hits[ARTICLE] == 1

    assert run_tasks() >= 1
    ready = ask(client, registered, portal.url(ARTICLE))
    data = ready.json()
    assert data["status"] == "ready"
    assert data["audio_url"].startswith("http://testserver/readaloud/audio/")
    assert portal.hits[ARTICLE] == 1, "a page is not fetched again within WIDGET_REFETCH_SECONDS"
    texts = [block["text"] for block in data["blocks"]]
    for sentence in data["sentences"]:
        block_text = texts[int(sentence["block"])]
        assert utf16_slice(block_text, sentence["char_start"], sentence["char_end"]) == sentence["text"]
        assert sentence["words"], sentence
        for word in sentence["words"]:
            assert sentence["char_start"] <= word["char_start"] < word["char_end"] <= sentence["char_end"]
    spoken = " ".join(sentence["text"] for sentence in data["sentences"])
    assert "Quang cảnh hội nghị" not in spoken and "Kỳ họp thứ 25" not in spoken
    assert "hoàn thành tốt nhiệm vụ" in spoken

    cached = ask(client, registered, portal.url(ARTICLE), HTTP_IF_NONE_MATCH=ready["ETag"])
    assert cached.status_code == 304


def test_edited_article_gets_new_audio_and_unchanged_sentences_come_from_the_cache(client, registered, portal,
                                                                                  settings):
    ask(client, registered, portal.url(ARTICLE))
    run_tasks()
    before = WidgetNarration.objects.get()
    assert before.state == "ready"
    html = (portal.root / "tin-tuc.html").read_text(encoding="utf-8")
    portal.pages[ARTICLE] = html.replace("trở lên.</p>", "trở lên. Năm 2025 Đảng bộ được khen thưởng.</p>")
    settings.WIDGET_REFETCH_SECONDS = 0
    response = ask(client, registered, portal.url(ARTICLE))
    assert response.json()["status"] == "pending"
    run_tasks()
    after = WidgetNarration.objects.get()
    assert after.state == "ready" and after.key != before.key and after.audio_name != before.audio_name
    assert after.synthesized_count == 1, "only the edited sentence is synthesized again"
    assert portal.hits[ARTICLE] == 2
    old_file = audio_path(before.audio_name)
    assert old_file.exists()
    assert run_tasks(make_due=True) == 1  # the replaced file, a day later
    assert not old_file.exists() and audio_path(after.audio_name).exists()


def test_other_portal_without_selector_uses_the_main_content(client, db, other_portal):
    site = WidgetSite.objects.create(name="Sở Tư pháp", origins=other_portal.origin, private_network=True)
    response = ask(client, site, other_portal.url("/bai-viet.html"))
    assert response.status_code == 200, response.content
    texts = [block["text"] for block in response.json()["blocks"]]
    assert texts[0] == "Hướng dẫn cấp phiếu lý lịch tư pháp trực tuyến"
    assert any(text.startswith("Từ ngày 01/7/2025") for text in texts)
    assert "Nộp lệ phí 200.000 đồng qua ví điện tử hoặc ngân hàng." in texts
    assert not any("Tin mới nhất" in text or "Lượt xem" in text for text in texts)


@pytest.mark.parametrize(("path", "status"), [("/rat-sau", "ok"), ("/loi-ma", "ok")])
def test_hostile_pages_are_bounded(db, portal, registered, path, status):
    registered.article_selector = ""
    page = refresh_page(registered, portal.url(path))
    assert page.status == status
    assert page.units


def test_script_in_text_is_not_read_but_offsets_still_match(db, portal, registered):
    portal.routes["/co-script"] = (200, {"Content-Type": "text/html; charset=utf-8"}, (
        "<html><body><div class='news-detail'><h1>Tin</h1><p>Trước <script>alert('x')</script>sau "
        "<style>p{}</style>hết.</p></div></body></html>").encode())
    page = refresh_page(registered, portal.url("/co-script"))
    block = page.blocks[1]
    assert block["text"] == "Trước alert('x')sau p{}hết."
    read = [unit["text"] for unit in page.units if unit["block"] == "1"]
    assert read == ["Trước", "sau", "hết."]
    for unit in page.units:
        text = page.blocks[int(unit["block"])]["text"]
        assert text[unit["offset"]:unit["offset"] + len(unit["text"])] == unit["text"]


def test_selector_matching_nothing_gets_a_clear_status(client, registered, portal):
    registered.article_selector = ".khong-co-phan-nay"
    registered.save()
    response = ask(client, registered, portal.url(ARTICLE))
    assert response.status_code == 422
    assert response.json()["status"] == "no_article"
    assert WidgetPage.objects.get().status == "no_article"
    assert not WidgetNarration.objects.exists()


def test_selector_matching_everything_is_capped(registered, portal, settings):
    settings.WIDGET_MAX_CHARS = 300
    registered.article_selector = "*"
    page = refresh_page(registered, portal.url(ARTICLE))
    assert page.status == "ok" and page.truncated and page.chars <= 300


def test_too_many_elements(registered, portal, settings):
    settings.WIDGET_MAX_ELEMENTS = 50
    page = refresh_page(registered, portal.url(ARTICLE))
    assert page.status == "too_complex"


def test_unknown_voice(client, registered, portal):
    response = ask(client, registered, portal.url(ARTICLE), voice="khong-co")
    assert response.status_code == 400
    assert portal.total_hits() == 0


def test_a_host_page_waits_for_a_free_synthesis_slot(client, registered, portal, settings):
    """The widget's narrations share the machine's synthesis slots with articles and the speech API."""
    from django_tasks_db.models import DBTaskResult

    from loa.readaloud.narration import synthesis_slots

    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    assert ask(client, registered, portal.url(ARTICLE)).json()["status"] == "pending"
    with synthesis_slots.synthesis_slot() as held:
        assert held is not None
        run_tasks()
    assert ask(client, registered, portal.url(ARTICLE)).json()["status"] == "pending"
    waiting = DBTaskResult.objects.filter(status="READY", task_path="loa.widget.narrate.generate_page_narration")
    assert waiting.count() == 1
    run_tasks(make_due=True)
    assert ask(client, registered, portal.url(ARTICLE)).json()["status"] == "ready"
