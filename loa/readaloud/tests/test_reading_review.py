""""Cách đọc cần kiểm tra": the draft's guessed readings in the editor, and "Sửa cách đọc" settling one."""
from __future__ import annotations

import html as html_lib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model

from loa.pages.models import ArticlePage
from loa.readaloud.models import Narration, NarrationState, PronunciationEntry
from loa.readaloud.narration.review import page_guesses

from .helpers import paragraph, publish_article, run_tasks

pytestmark = pytest.mark.django_db

SENTENCE = "Tỉnh thí điểm hệ thống smartgrid cho TXYZ từ tháng sau."


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "b@example.vn", "mat-khau-1")
    client.force_login(user)
    return client


@pytest.fixture
def drafted(category):
    """A published article whose draft (not yet published) adds a sentence with two guessed words."""
    article = publish_article(category, title="Lưới điện thông minh", body=[
        paragraph("<p>Hội đồng nhân dân tỉnh họp kỳ thứ 25.</p>"),
    ])
    run_tasks()
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.body = [paragraph("<p>Hội đồng nhân dân tỉnh họp kỳ thứ 25.</p>"), paragraph(f"<p>{SENTENCE}</p>")]
    draft.save_revision()
    return article


def review_rows(html: str) -> list[str]:
    return [html_lib.unescape(part.split("</span>")[0]) for part in html.split("<span data-review-written>")[1:]]


def test_the_panel_lists_the_drafts_guesses_with_context(admin_client, drafted):
    html = admin_client.get(f"/admin/pages/{drafted.pk}/edit/").content.decode()
    assert "Cách đọc cần kiểm tra" in html
    assert review_rows(html) == ["smartgrid", "TXYZ"]  # from the draft; the published text has none
    assert "xờ mát gờ rít" in html and "tê ích xì i dài dét" in html
    assert "đoán theo chữ viết" in html and "chữ viết tắt chưa có trong bảng, đánh vần" in html
    assert f'data-review-play data-text="{SENTENCE}"' in html  # "Nghe" plays the sentence
    assert 'data-speech-url="/v1/audio/speech"' in html and 'data-voice="vi-south-male"' in html
    assert "readaloud/review.js" in html
    assert html.count(">Sửa cách đọc</a>") == 2


def test_fix_reading_adds_the_entry_and_the_next_reading_uses_it(admin_client, drafted, category, synthesis_calls):
    published = publish_article(category, title="Hệ thống TXYZ vận hành", body=[paragraph("<p>Hệ thống TXYZ chạy.</p>")])
    run_tasks()
    html = admin_client.get(f"/admin/pages/{drafted.pk}/edit/").content.decode()
    links = [html_lib.unescape(part.split('"')[0]) for part in html.split('href="')[1:]]
    fixes = {parse_qs(urlsplit(link).query)["written"][0]: link for link in links if "/reading/fix/" in link}
    assert sorted(fixes) == ["TXYZ", "smartgrid"]
    txyz_link = fixes["TXYZ"]
    assert parse_qs(urlsplit(txyz_link).query) == {
        "written": ["TXYZ"], "spoken": ["tê ích xì i dài dét"], "page": [str(drafted.pk)]}

    form = admin_client.get(txyz_link)
    assert form.status_code == 200 and 'value="TXYZ"' in form.content.decode()
    done = admin_client.post(txyz_link, {"written": "TXYZ", "spoken": "tê xi", "note": ""})
    assert done.status_code == 302 and done["Location"] == f"/admin/pages/{drafted.pk}/edit/"
    assert PronunciationEntry.objects.get(written="TXYZ").spoken == "tê xi"

    # the published article with the word is read again, the editor's way
    assert Narration.objects.get(page_id=published.pk).state == NarrationState.PENDING
    synthesis_calls.clear()
    run_tasks()
    assert any("tê xi" in call for call in synthesis_calls)
    # and the draft's panel no longer lists it
    assert review_rows(admin_client.get(f"/admin/pages/{drafted.pk}/edit/").content.decode()) == ["smartgrid"]


def test_fixing_an_existing_entry_changes_it(admin_client):
    PronunciationEntry.objects.create(written="TXYZ", spoken="tê ích")
    page = admin_client.get("/admin/readaloud/reading/fix/?written=TXYZ&spoken=x")
    assert "Từ điển phát âm đang đọc “TXYZ” là “tê ích”" in page.content.decode()
    admin_client.post("/admin/readaloud/reading/fix/?written=TXYZ", {"written": "TXYZ", "spoken": "tê xi", "note": ""})
    assert list(PronunciationEntry.objects.values_list("written", "spoken")) == [("TXYZ", "tê xi")]


def test_fix_reading_goes_back_only_to_a_page_editor(admin_client):
    for page in ("https://evil.example/", "999999", "-1", "99999999999999999999"):
        done = admin_client.post(f"/admin/readaloud/reading/fix/?written=ABQZ&page={page}",
                                 {"written": "ABQZ", "spoken": "a bê", "note": ""})
        assert done.status_code == 302 and done["Location"] == "/admin/snippets/readaloud/pronunciationentry/"


def test_fix_reading_keeps_what_was_typed_on_a_bad_entry(admin_client):
    response = admin_client.post("/admin/readaloud/reading/fix/?written=ABQZ", {"written": "", "spoken": "a bê"})
    assert response.status_code == 200 and 'value="a bê"' in response.content.decode()
    assert not PronunciationEntry.objects.exists()


def test_fix_reading_needs_the_lexicon_permission(client, db):
    user = get_user_model().objects.create_user("xem", "x@example.vn", "mat-khau-1")
    client.force_login(user)
    assert client.get("/admin/readaloud/reading/fix/?written=ABQZ").status_code in (302, 403)
    assert not PronunciationEntry.objects.exists()


def test_page_guesses_count_repeats(category):
    article = publish_article(category, title="TXYZ và TXYZ", body=[paragraph("<p>Bàn về TXYZ.</p>")])
    rows = page_guesses(article)
    assert [(r.written, r.count, r.context) for r in rows] == [("TXYZ", 3, "TXYZ và TXYZ")]
