"""The read-aloud player in headless Chromium: playback, highlighting, seeking, voices, resume, keyboard, axe."""
from __future__ import annotations

import json
import math

import pytest

from loa.pages.demo.content import SEED_TITLE
from loa.readaloud.tests.helpers import bullet_list, heading, paragraph, publish_article, run_tasks

from .scripts import SENTENCE_OFFSET_MISMATCHES

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

AUDIO = "document.querySelector('[data-readaloud-player] audio')"
SENTENCE = "+document.querySelector('[data-readaloud-player]').getAttribute('data-sentence')"
HIGHLIGHTED = "(() => { const h = CSS.highlights.get('loa-readaloud'); return h ? [...h][0].toString() : null; })()"


@pytest.fixture
def article_url(site_url):
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_category, make_home

    ensure_roots()
    category = make_category(make_home())
    article = publish_article(category, title="Kỳ họp thứ 25", summary="Hội đồng nhân dân tỉnh họp phiên bế mạc.", body=[
        heading("PHẦN THỨ NHẤT."),
        paragraph("<p>Kỳ họp khai mạc sáng nay. Các đại biểu thảo luận <b>18 nghị quyết</b> quan trọng.</p>"),
        bullet_list("Về kinh tế: tăng trưởng 7,5%.", "Về xã hội: giảm nghèo bền vững.", "Về môi trường: trồng mới 1.200 ha rừng."),
        paragraph("<p>Đoạn này không được đọc.</p>", skip=True),
        paragraph("<p>Kỳ họp bế mạc lúc 17 giờ cùng ngày. Chủ tọa cảm ơn cử tri đã theo dõi.</p>"),
    ])
    run_tasks()
    return site_url + article.url, article


def axe_violations(page) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_21_AA)
    return results.violations_count, results.generate_report()


def sentences(page) -> list[dict]:
    return page.evaluate("async () => (await (await fetch(document.querySelector('[data-readaloud-player]').dataset.api)).json()).sentences")


def open_player(page, url: str) -> None:
    """Open the article and wait until the player has the API's answer (audio ready)."""
    page.goto(url)
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    page.wait_for_function(f"{AUDIO}.src.endsWith('.mp3')")


def seek_into_long_sentence(page, spoken: list[dict], after: int) -> int:
    """Move the seek bar (whole seconds) into the first sentence after `after` that leaves 2 s of margin."""
    index = next(i for i, s in enumerate(spoken) if i > after and s["end"] - math.ceil(s["start"]) >= 2)
    page.locator("[data-ra=seek]").fill(str(math.ceil(spoken[index]["start"])))
    page.wait_for_function(f"{SENTENCE} === {index}")
    return index


def wait_time(page, seconds: float) -> None:
    page.wait_for_function(f"{AUDIO}.currentTime > {seconds}", timeout=15_000)


def test_play_advances_time_and_moves_the_highlight(page, article_url):
    url, article = article_url
    open_player(page, url)
    page.wait_for_timeout(500)
    assert page.evaluate(f"{AUDIO}.paused") and page.evaluate(f"{AUDIO}.currentTime") == 0  # never autoplays
    spoken = sentences(page)
    page.get_by_role("button", name="Nghe", exact=True).click()
    wait_time(page, 0.1)
    page.get_by_role("button", name="Tạm dừng").click()  # paused inside the title: no race with the clock
    page.wait_for_function(f"{AUDIO}.paused")
    page.wait_for_function(f"{HIGHLIGHTED} === {json.dumps(article.title)}", timeout=3_000)
    assert page.evaluate(SENTENCE) == 0
    page.select_option("[data-ra=speed]", "2")
    page.get_by_role("button", name="Nghe", exact=True).click()
    page.wait_for_function(f"{SENTENCE} >= 1", timeout=15_000)
    index, highlighted = page.evaluate(f"[{SENTENCE}, {HIGHLIGHTED}]")
    assert highlighted == spoken[index]["text"] and spoken[1]["text"] == article.summary
    assert page.get_by_role("button", name="Tạm dừng").is_visible()
    assert page.evaluate("navigator.mediaSession.metadata.title") == article.title  # lock-screen controls
    assert page.locator("[data-ra=time]").inner_text().endswith(" / " + clock(page.evaluate(f"{AUDIO}.duration")))


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def test_seek_moves_the_highlight_to_that_sentence(page, article_url):
    url, _ = article_url
    open_player(page, url)
    spoken = sentences(page)
    target = spoken[5]
    page.get_by_role("button", name="Nghe", exact=True).click()
    wait_time(page, 0.2)
    page.locator("[data-ra=seek]").fill(str(int(target["start"]) + 1))
    page.wait_for_function(f"{SENTENCE} === 5 || {AUDIO}.currentTime > {target['end']}")
    index = page.evaluate(SENTENCE)
    assert page.evaluate(HIGHLIGHTED) == spoken[index]["text"]
    assert spoken[index]["start"] <= page.evaluate(f"{AUDIO}.currentTime") <= spoken[index]["end"] + 0.5


def test_switching_voice_plays_another_file_from_the_same_sentence(page, article_url):
    url, article = article_url
    open_player(page, url)
    spoken = sentences(page)
    south = page.evaluate(f"{AUDIO}.src")
    page.get_by_role("button", name="Nghe", exact=True).click()
    wait_time(page, 0.2)
    seek_into_long_sentence(page, spoken, 3)
    page.select_option("[data-ra=voice]", "vi-north-female")
    index = page.evaluate(SENTENCE)
    page.wait_for_selector("[data-ra=status]:has-text('Đang tạo âm thanh')")
    run_tasks()  # the worker makes the new voice
    page.wait_for_function(f"{AUDIO}.src !== '{south}' && !{AUDIO}.paused", timeout=15_000)
    assert page.evaluate(SENTENCE) == index
    north = sentences(page)
    assert north[index]["text"] == spoken[index]["text"]
    now = page.evaluate(f"{AUDIO}.currentTime")
    assert north[index]["start"] <= now <= north[index]["end"]
    page.reload()
    page.wait_for_selector("[data-readaloud-controls]:not([hidden])")
    assert page.locator("[data-ra=voice]").input_value() == "vi-north-female"  # remembered


def test_clicking_a_sentence_plays_from_it(page, article_url):
    url, _ = article_url
    open_player(page, url)
    spoken = sentences(page)
    index = next(i for i, s in enumerate(spoken) if s["text"].startswith("Về xã hội"))
    page.get_by_text("Về xã hội: giảm nghèo bền vững.").click()
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 0")
    assert page.evaluate(SENTENCE) == index
    assert page.evaluate(f"{AUDIO}.currentTime") >= spoken[index]["start"] - 0.05
    assert page.evaluate(HIGHLIGHTED) == "Về xã hội: giảm nghèo bền vững."


def test_reload_resumes_where_the_listener_stopped(page, article_url):
    url, _ = article_url
    open_player(page, url)
    spoken = sentences(page)
    page.get_by_role("button", name="Nghe", exact=True).click()
    wait_time(page, 0.2)
    seek_into_long_sentence(page, spoken, 5)
    page.get_by_role("button", name="Tạm dừng").click()
    page.wait_for_function(f"{AUDIO}.paused")
    stopped = page.evaluate(f"{AUDIO}.currentTime")
    index = max(i for i, s in enumerate(spoken) if s["start"] <= stopped)
    page.reload()
    open_player(page, url)
    assert page.evaluate(f"{AUDIO}.paused")  # resuming never means autoplay
    assert page.evaluate(SENTENCE) == index
    assert page.locator("[data-ra=time]").inner_text().startswith(clock(stopped))
    page.get_by_role("button", name="Nghe", exact=True).click()
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 0")
    assert abs(page.evaluate(f"{AUDIO}.currentTime") - stopped) < 1.5


def test_keyboard_only(page, article_url):
    url, _ = article_url
    open_player(page, url)
    page.locator("[data-ra=play]").focus()
    page.keyboard.press("Enter")
    wait_time(page, 0.2)
    page.keyboard.press("Tab")   # "Lùi 10 giây"
    page.keyboard.press("Tab")   # "Tới 10 giây"
    assert page.evaluate("document.activeElement.textContent").strip().endswith("10 giây")
    before = page.evaluate(f"{AUDIO}.currentTime")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{AUDIO}.currentTime >= {before + 9}")
    page.keyboard.press("Tab")   # the seek bar
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Vị trí đang nghe"
    page.keyboard.press("Tab")   # speed
    page.keyboard.press("ArrowDown")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.25
    page.locator("[data-ra=play]").focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"{AUDIO}.paused")
    page.wait_for_function("document.querySelector('[data-ra=announce]').textContent.startsWith('Tạm dừng tại')")


def test_pending_audio_shows_a_message_and_starts_when_ready(page, site_url):
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_category, make_home

    ensure_roots()
    article = publish_article(make_category(make_home()), title="Tin vừa đăng")
    page.goto(site_url + article.url)
    page.wait_for_selector("[data-readaloud-player][data-status=pending]")
    page.get_by_role("button", name="Nghe", exact=True).click()
    assert page.locator("[data-ra=status]").inner_text() == "Đang tạo âm thanh…"
    run_tasks()
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 0", timeout=15_000)
    assert page.locator("[data-ra=status]").inner_text() == ""


def test_without_javascript_the_page_has_a_plain_audio_player(new_context, article_url):
    url, _ = article_url
    no_js = new_context(java_script_enabled=False).new_page()
    no_js.goto(url)
    assert no_js.locator("[data-readaloud-basic] audio[controls]").is_visible()
    assert no_js.get_by_role("link", name="Tải MP3").first.get_attribute("href").endswith(".mp3")
    assert no_js.locator("[data-readaloud-controls]").is_hidden()


def test_seed_article_plays_and_every_sentence_matches_the_page_text(page, demo_site):
    run_tasks()
    page.goto(demo_site + "/")
    page.get_by_role("link", name=SEED_TITLE).first.click()
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    mismatches = page.evaluate(SENTENCE_OFFSET_MISMATCHES)
    count, bad = mismatches
    assert count > 50 and bad == []
    assert page.evaluate(f"{AUDIO}.paused")
    page.get_by_role("button", name="Nghe", exact=True).click()
    wait_time(page, 0.5)
    assert page.evaluate(HIGHLIGHTED) == SEED_TITLE
    # with "follow" on, seeking far ahead scrolls the sentence being read into view
    page.get_by_label("Tự động cuộn theo câu đang đọc").check()
    page.locator("[data-ra=seek]").fill(str(int(page.evaluate(f"{AUDIO}.duration") * 0.9)))
    page.wait_for_function("""() => {
      const h = CSS.highlights.get('loa-readaloud'); if (!h) return false;
      const box = [...h][0].getBoundingClientRect();
      return window.scrollY > 2000 && box.top >= 0 && box.bottom <= window.innerHeight;
    }""")
    violations, report = axe_violations(page)
    assert violations == 0, report
