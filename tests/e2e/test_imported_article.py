"""An article imported from an old portal (WXR, with its picture) shows and is read aloud with highlighting like a native one."""
from __future__ import annotations

import pytest
from django.core.management import call_command

from loa.importer.backfill import backfill_next
from loa.importer.tests.fixtures.build import wxr
from loa.importer.tests.oldportal import OldPortal
from loa.pages.models import ArticlePage
from loa.readaloud.tests.helpers import run_tasks

from .test_player import AUDIO
from .test_words import NOW, PLAYER, assert_in_time


@pytest.fixture
def imported_url(site_url, tmp_path, settings):
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_home

    settings.IMPORTER_DELAY = 0
    ensure_roots()
    make_home()
    with OldPortal() as portal:
        source = tmp_path / "export.xml"
        source.write_text(wxr(2, base=portal.base), encoding="utf-8")
        call_command("import", "wordpress", str(source), "--report", str(tmp_path / "r.csv"))
    backfill_next.call()  # what the worker does with the queued backfill: newest first
    run_tasks()
    article = ArticlePage.objects.get(title__endswith="(bài 1)")
    return site_url + article.url


def test_imported_article_shows_and_is_read_aloud_with_highlighting(page, imported_url):
    page.goto(imported_url)
    assert page.locator("h1").inner_text().endswith("(bài 1)")
    figure = page.locator("figure.article-figure img")
    assert figure.get_attribute("alt").startswith("Quang cảnh buổi làm việc")
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    sentences = page.evaluate(f"{PLAYER}.loaPlayer.data().sentences")
    assert any("Hội đồng nhân dân" in s["text"] or "HĐND" in s["text"] for s in sentences)
    assert all(s["words"] for s in sentences)
    page.get_by_role("button", name="Nghe", exact=True).click()
    page.wait_for_function(f"{AUDIO}.currentTime > 0.5")
    seen = set()
    for _ in range(10):
        now = page.evaluate(NOW)
        assert_in_time(page, sentences, now, slack=0.3)
        seen.add((now["sentence"], now["word"]))
        page.wait_for_timeout(120)
    assert len(seen) >= 3  # the highlight moves word by word through the imported text
