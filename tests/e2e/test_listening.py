"""The listening experience in headless Chromium: mini-player, "Nghe tiếp", "Nghe sau" and /nghe/, embedding
on another origin, reading comfort (text size, contrast, shortcuts, share, print)."""
from __future__ import annotations

import math
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from loa.readaloud.tests.helpers import paragraph, publish_article, run_tasks

from .test_player import AUDIO, SENTENCE, open_player, wait_time

MINI = "[data-readaloud-mini]"
PLAYER = "document.querySelector('[data-readaloud-player]')"
PHONE = {"width": 360, "height": 640}
# Headless Chromium says "HeadlessChrome" and is rightly not counted in the statistics; this one poses as a phone.
PHONE_UA = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"
# The rectangles of the word (else sentence) being read and of the mini-player, and whether they meet.
OVERLAP = """() => {
  const mini = document.querySelector('[data-readaloud-mini]'), r = document.querySelector('[data-readaloud-player]').loaPlayer.range();
  if (mini.hidden || !r) return null;
  const a = r.getBoundingClientRect(), b = mini.getBoundingClientRect();
  return {overlap: a.bottom > b.top && a.top < b.bottom, top: mini.classList.contains('ra-mini-top'), word: [a.top, a.bottom], mini: [b.top, b.bottom]};
}"""


@pytest.fixture
def articles(site_url):
    """A chuyên mục with three articles, newest first: a long one (to scroll), then two short ones."""
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_category, make_home

    ensure_roots()
    category = make_category(make_home())
    now = timezone.now()
    long_body = [paragraph(f"<p>Đoạn thứ {k} của báo cáo. Hội đồng nhân dân tỉnh đã xem xét nội dung số {k} "
                           f"và thống nhất với tờ trình của Ủy ban nhân dân tỉnh.</p>") for k in range(1, 31)]
    made = {
        "long": publish_article(category, title="Báo cáo dài về kỳ họp", date=now, body=long_body),
        "second": publish_article(category, title="Tin thứ hai", date=now - timedelta(days=1),
                                  body=[paragraph("<p>Nội dung tin thứ hai.</p>")]),
        "third": publish_article(category, title="Tin thứ ba", date=now - timedelta(days=2),
                                 body=[paragraph("<p>Nội dung tin thứ ba.</p>")]),
    }
    run_tasks()
    return {name: (site_url + article.url, article) for name, article in made.items()}


def phone_page(new_context, **options):
    page = new_context(viewport=PHONE, **options).new_page()
    page.set_default_timeout(10_000)
    return page


def scroll_to(page, y: int) -> None:
    page.evaluate(f"window.scrollTo(0, {y})")


def test_mini_player_appears_on_scroll_works_with_the_keyboard_and_goes_when_the_player_is_back(new_context, articles):
    url, _ = articles["long"]
    page = phone_page(new_context)
    open_player(page, url)
    mini = page.locator(MINI)
    scroll_to(page, 1500)
    page.wait_for_timeout(300)
    assert mini.is_hidden()  # nothing loaded yet: no mini-player
    scroll_to(page, 0)
    page.locator("[data-ra=play]").focus()
    page.keyboard.press("Enter")
    wait_time(page, 0.2)
    scroll_to(page, 1500)
    region = page.get_by_role("region", name="Trình phát thu gọn")
    region.wait_for(state="visible")
    page.wait_for_function("document.querySelector('[data-ra=announce]').textContent.startsWith('Trình phát thu gọn')")
    assert "Báo cáo dài về kỳ họp" in region.inner_text()

    play = mini.locator("[data-mini=play]")
    play.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.textContent === '▶Nghe'")  # paused, and says so
    assert page.evaluate(f"{AUDIO}.paused")
    page.keyboard.press("Space")
    page.wait_for_function(f"!{AUDIO}.paused")
    page.keyboard.press("Tab")  # forward 10 s
    assert page.evaluate("document.activeElement.dataset.mini") == "forward"
    before = page.evaluate(f"{AUDIO}.currentTime")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{AUDIO}.currentTime >= {before + 9}")
    assert page.locator("[data-mini=time]").inner_text().startswith(str(int(before + 10) // 60) + ":")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back 10 s
    page.keyboard.press("Enter")
    page.wait_for_function(f"{AUDIO}.currentTime < {before + 5}")

    # "Về đoạn đang đọc": the block being read gets the focus and is on screen, clear of the mini-player.
    scroll_to(page, 0)
    page.wait_for_function(f"document.querySelector('{MINI}').hidden")  # the main player is back in view
    seek(page, page.evaluate(f"{PLAYER}.loaPlayer.data().duration") * 0.6)
    scroll_to(page, 100_000)  # the end of the page, far from the sentence being read
    mini.wait_for(state="visible")
    index = page.evaluate(SENTENCE)
    page.locator("[data-mini=reveal]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('[data-readaloud-block]')")
    page.wait_for_function(f"(() => {{ const b = ({OVERLAP})(); return b && b.word[0] >= 0 && b.word[1] <= innerHeight; }})()")
    page.wait_for_timeout(300)  # the smooth scroll has settled
    box = page.evaluate(OVERLAP)
    assert box is not None and not box["overlap"] and 0 <= box["word"][0] <= PHONE["height"], box
    assert page.evaluate(SENTENCE) >= index

    # Closing it (Escape) gives the focus back to the main player; it stays closed until the next play.
    page.locator("[data-mini=close]").focus()
    page.keyboard.press("Escape")
    assert mini.is_hidden()
    assert page.evaluate("document.activeElement.dataset.ra") == "play"
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("k")  # the shortcut pauses ...
    page.wait_for_function(f"{AUDIO}.paused")
    assert mini.is_hidden()
    page.keyboard.press("k")  # ... and plays: the mini-player is back
    mini.wait_for(state="visible")
    scroll_to(page, 0)
    mini.wait_for(state="hidden")


def test_mini_player_never_covers_the_text_being_read_on_a_phone(new_context, articles):
    url, _ = articles["long"]
    page = phone_page(new_context)
    open_player(page, url)
    page.get_by_role("button", name="Nghe", exact=True).click()
    wait_time(page, 0.2)
    seen = set()
    for k in range(8):  # the text being read at the bottom, in the middle and at the top of the screen
        seek(page, 20 + 9 * k)
        page.wait_for_function("document.querySelector('[data-readaloud-player]').loaPlayer.range() !== null")
        top = page.evaluate("document.querySelector('[data-readaloud-player]').loaPlayer.range().getBoundingClientRect().top + scrollY")
        for where in (PHONE["height"] - 30, PHONE["height"] // 2, 20):
            scroll_to(page, max(700, int(top - where)))
            page.wait_for_timeout(120)
            box = page.evaluate(OVERLAP)
            if box is None:
                continue  # the main player is on screen, so no mini-player
            seen.add(box["top"])
            assert not box["overlap"], (k, where, box)
    assert seen == {True, False}  # it did move out of the way


def test_next_article_starts_after_the_end_when_enabled_and_can_be_cancelled(new_context, articles):
    long_url, _ = articles["long"]
    second_url, second = articles["second"]
    third_url, third = articles["third"]
    page = phone_page(new_context)
    open_player(page, second_url)
    assert not page.locator("[data-ra=autonext]").is_checked()
    page.get_by_label("Tự động nghe bài tiếp theo").check()
    finish(page)
    notice = page.get_by_role("region", name="Bài tiếp theo")
    notice.wait_for(state="visible")
    assert "Tin thứ ba" in notice.inner_text()
    page.wait_for_function("document.querySelector('[data-ra=announce]').textContent.includes('Bài tiếp theo: Tin thứ ba')")
    page.wait_for_url(third_url, timeout=9_000)  # after the announced 5 seconds
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 0", timeout=15_000)
    assert page.locator("[data-ra=autonext]").is_checked()  # remembered

    # At the end of the oldest article "Nghe tiếp" goes round to the newest one not heard yet; cancel it.
    finish(page)
    notice.wait_for(state="visible")
    assert "Báo cáo dài về kỳ họp" in notice.inner_text()
    page.keyboard.press("Escape")
    assert notice.is_hidden()
    page.wait_for_timeout(5_500)
    assert page.url == third_url
    page.wait_for_function("document.querySelector('[data-ra=announce]').textContent === 'Đã hủy nghe bài tiếp theo.'")
    assert long_url


def seek(page, seconds: float) -> None:
    """Move the seek bar as a listener does (whatever is on screen)."""
    page.locator("[data-ra=seek]").evaluate("(el, t) => { el.value = t; el.dispatchEvent(new Event('input')); }",
                                            math.floor(seconds))


def finish(page) -> None:
    """Jump to the last second and let the article end."""
    seek(page, page.evaluate(f"{PLAYER}.loaPlayer.data().duration") - 1)
    page.get_by_role("button", name="Nghe", exact=True).click()
    page.wait_for_function(f"{AUDIO}.ended", timeout=10_000)


def test_listen_page_plays_in_place_and_keeps_a_listen_later_list_that_nghe_tiep_plays_first(new_context, articles):
    long_url, _ = articles["long"]
    _, second = articles["second"]
    third_url, third = articles["third"]
    page = phone_page(new_context)
    page.goto(long_url.split("/", 3)[0] + "//" + long_url.split("/", 3)[2] + "/nghe/")
    items = page.locator("[data-listen-item]")
    assert items.count() == 3
    assert [t.split("Thời lượng ")[1] for t in items.locator(".article-meta").all_inner_texts()][0].count(":") == 1
    play_second = page.get_by_role("button", name="Nghe: Tin thứ hai")
    play_second.click()
    page.wait_for_function("[...document.querySelectorAll('[data-listen-play]')].some(b => b.getAttribute('aria-pressed') === 'true')")
    assert play_second.get_attribute("aria-pressed") == "true"
    page.wait_for_function("document.querySelector('[data-listen-item].listen-playing [data-listen-time]').textContent.startsWith('0:0')")
    play_second.click()
    page.wait_for_function("document.querySelector('[data-listen-play][aria-pressed=true]') === null")

    page.get_by_role("button", name="Nghe sau: Tin thứ ba").click()
    later = page.get_by_role("region", name="Danh sách nghe sau của bạn")
    later.wait_for(state="visible")
    assert later.get_by_role("link").all_inner_texts() == ["Tin thứ ba"]
    page.reload()
    later.wait_for(state="visible")  # kept in the browser
    assert page.get_by_role("button", name="Nghe sau: Tin thứ ba").get_attribute("aria-pressed") == "true"

    # From the long article, "Nghe tiếp" plays the listen-later list first (not the chuyên mục's next one).
    open_player(page, long_url)
    page.get_by_label("Tự động nghe bài tiếp theo").check()
    finish(page)
    notice = page.get_by_role("region", name="Bài tiếp theo")
    notice.wait_for(state="visible")
    assert "Tin thứ ba" in notice.inner_text()
    notice.get_by_role("button", name="Nghe ngay").click()
    page.wait_for_url(third_url)
    page.wait_for_function(f"!{AUDIO}.paused", timeout=15_000)
    assert page.locator("[data-ra=later]").get_attribute("aria-pressed") == "true"
    finish(page)  # heard: off the list
    assert page.locator("[data-ra=later]").get_attribute("aria-pressed") == "false"


class _EmbeddingSite(BaseHTTPRequestHandler):
    html = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, *args):
        pass


@pytest.fixture
def live_stats(settings):
    from loa.stats.backends import reset_collector

    reset_collector(flush=False)
    settings.STATS_BACKEND = "memory"
    settings.STATS_FLUSH_SECONDS = 0
    yield
    reset_collector(flush=False)


def test_embedded_player_plays_inside_an_iframe_on_another_origin(browser, live_server, articles, live_stats):
    from loa.stats.backends import reset_collector
    from loa.stats.models import DailyListen, DailyReferrer

    _, article = articles["second"]
    embed_url = f"{live_server.url}/embed/{article.pk}/"
    handler = type("Handler", (_EmbeddingSite,), {"html": (
        '<!DOCTYPE html><html lang="vi"><head><title>Trang của một sở</title></head><body><h1>Tin từ HĐND tỉnh</h1>'
        f'<iframe src="{embed_url}" title="Nghe đọc bài" width="100%" height="230"></iframe></body></html>').encode()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    other = f"http://127.0.0.1:{server.server_address[1]}"
    assert not other.startswith(live_server.url)  # another origin: host and port differ
    context = browser.new_context(locale="vi-VN", user_agent=PHONE_UA, viewport=PHONE, bypass_csp=True)  # test_csp.py covers /embed/
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((live_server.url, other))
                  else route.abort())
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        response = {}
        page.on("response", lambda r: response.setdefault("embed", r) if r.url == embed_url else None)
        with page.expect_response(lambda r: r.url.endswith("/api/stats/hit")) as hit:  # the embed page's view
            page.goto(other + "/")
        assert hit.value.status == 204
        frame = page.frame_locator("iframe")
        frame.locator("[data-readaloud-player][data-status=ready]").wait_for()
        assert "x-frame-options" not in response["embed"].headers
        with page.expect_response(lambda r: r.url.endswith("/api/stats/listen")) as listen:
            frame.get_by_role("button", name="Nghe", exact=True).click()
        assert listen.value.status == 204
        inner = page.frame(url=embed_url)
        inner.wait_for_function("document.querySelector('[data-readaloud-player] audio').currentTime > 0.3")
        assert frame.get_by_role("button", name="Tạm dừng").is_visible()
        link = frame.get_by_role("link", name="Tin thứ hai (mở trong thẻ mới)")
        assert link.get_attribute("href") == live_server.url + article.url and link.get_attribute("target") == "_blank"
    finally:
        context.close()
        server.shutdown()
    reset_collector(flush=True)
    assert DailyListen.objects.get(page_id=article.pk).plays == 1
    assert list(DailyReferrer.objects.values_list("host", flat=True)) == ["127.0.0.1"]  # the embedding site


def test_text_size_and_contrast_persist_across_pages_and_print_leaves_out_the_rest(new_context, articles):
    long_url, article = articles["long"]
    base = long_url.split(article.url)[0]
    context = new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + "/")
    font = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    assert page.evaluate(font) == 16
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert page.evaluate(font) == 20
    contrast = page.get_by_role("button", name="Tương phản cao")
    contrast.click()
    assert contrast.get_attribute("aria-pressed") == "true"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"

    # Another page: applied before the first paint (by the head script), not after load.
    page.add_init_script("""document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') window.__early = [document.documentElement.dataset.textSize,
        document.documentElement.dataset.contrast, document.documentElement.className];
    });""")
    page.get_by_role("link", name="Báo cáo dài về kỳ họp").first.click()
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    assert page.evaluate("window.__early") == ["2", "high", "js"]
    assert page.evaluate(font) == 20 and page.get_by_role("button", name="Tương phản cao").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert page.evaluate(font) == 16
    page.reload()
    assert page.evaluate(font) == 16 and page.evaluate("document.documentElement.dataset.contrast") == "high"

    # Share: plain links (no third-party script), copy the link and the embed code.
    facebook = page.get_by_role("link", name="Facebook (mở trong thẻ mới)")
    assert facebook.get_attribute("href") == "https://www.facebook.com/sharer/sharer.php?u=" + quote(long_url)
    assert quote(long_url) in page.get_by_role("link", name="Zalo (mở trong thẻ mới)").get_attribute("href")
    page.get_by_role("button", name="Sao chép liên kết").click()
    page.wait_for_selector("[data-share-status]:has-text('Đã sao chép liên kết')")
    assert page.evaluate("navigator.clipboard.readText()") == long_url
    page.get_by_text("Nhúng trình nghe vào trang web khác").click()
    page.get_by_role("button", name="Sao chép mã nhúng").click()
    page.wait_for_selector("[data-share-status]:has-text('Đã sao chép mã nhúng')")
    code = page.evaluate("navigator.clipboard.readText()")
    assert code.startswith(f'<iframe src="{base}/embed/{article.pk}/" title="Nghe đọc bài: Báo cáo dài về kỳ họp"')

    page.emulate_media(media="print")
    for hidden in (".readaloud", ".main-nav", ".sidebar", ".share", ".tools-bar"):
        assert page.locator(hidden).first.evaluate("el => getComputedStyle(el).display") == "none", hidden
    assert page.locator("#article-body").is_visible() and page.locator("h1").is_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def quote(url: str) -> str:
    from urllib.parse import quote as q

    return q(url, safe="")


def test_keyboard_shortcuts_play_seek_and_change_speed_but_not_while_typing(page, articles):
    url, _ = articles["long"]
    open_player(page, url)
    assert page.get_by_text("Phím tắt khi nghe").is_visible()
    page.keyboard.press("k")
    wait_time(page, 0.3)
    before = page.evaluate(f"{AUDIO}.currentTime")
    page.keyboard.press("l")
    page.wait_for_function(f"{AUDIO}.currentTime >= {before + 9}")
    page.keyboard.press(">")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.25
    page.keyboard.press("<")
    page.keyboard.press("<")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 0.75
    page.wait_for_function("document.querySelector('[data-ra=announce]').textContent === 'Tốc độ 0,75×'")
    page.locator("#nav-search-q").fill("")
    page.locator("#nav-search-q").press("k")  # typing: the letter goes into the field
    page.wait_for_timeout(200)
    assert not page.evaluate(f"{AUDIO}.paused") and page.locator("#nav-search-q").input_value() == "k"
    page.evaluate("document.activeElement.blur()")
    before = page.evaluate(f"{AUDIO}.currentTime")
    page.keyboard.press("j")
    page.wait_for_function(f"{AUDIO}.currentTime <= {before - 9}")
    page.keyboard.press("k")
    page.wait_for_function(f"{AUDIO}.paused")
