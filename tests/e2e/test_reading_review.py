"""In a real browser: the editor hears a guessed reading in its sentence ("Nghe") and settles it ("Sửa cách đọc")."""
from __future__ import annotations

SENTENCE = "Tỉnh thí điểm hệ thống QWZX cho các kỳ họp."


def test_listen_then_fix_a_guessed_reading(new_context, demo_site, make_user, login):
    from loa.pages.models import ArticlePage
    from loa.readaloud.models import PronunciationEntry

    make_user("bientap", superuser=True)
    article = ArticlePage.objects.live().first()
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.summary = SENTENCE
    draft.save_revision()

    page = new_context(bypass_csp=False).new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    login(page, "bientap")
    page.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    panel = page.locator("[data-readaloud-review]")
    row = panel.locator("tr[data-review-row]", has_text="QWZX")
    assert row.locator("[data-review-spoken]").inner_text() == "quy vê kép dét ích xì"
    row.get_by_role("button", name="Nghe").click()
    # review.js fetched the sentence from /v1/audio/speech in the page's voice and the browser played it
    page.wait_for_function("t => document.querySelector('[data-readaloud-review]').dataset.lastPlayed === t",
                           arg=SENTENCE, timeout=30_000)
    assert errors == []

    row.get_by_role("link", name="Sửa cách đọc").click()
    assert page.locator("#id_written").input_value() == "QWZX"
    page.fill("#id_spoken", "quy vê")
    page.get_by_role("button", name="Lưu cách đọc").click()
    page.wait_for_url(f"{demo_site}/admin/pages/{article.pk}/edit/")
    assert PronunciationEntry.objects.get(written="QWZX").spoken == "quy vê"
    assert page.locator("[data-readaloud-review] tr[data-review-row]", has_text="QWZX").count() == 0
    assert errors == []
