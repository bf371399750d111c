"""One script tag on an existing portal: Loa's player and visitor box on two host sites served from their own
loopback origin (tests/support/hostportal), with Loa as the live server."""
from __future__ import annotations

import pytest

from loa.readaloud.tests.helpers import run_tasks
from tests.support.hostportal import HostSite

DESKTOP_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
PHONE = {"width": 360, "height": 740}
SHADOW = "document.querySelector('loa-nghe').shadowRoot"

HIGHLIGHTS_JS = """() => {
  const text = name => { const h = CSS.highlights.get(name); return h && h.size ? [...h][0].toString() : null; };
  const h = CSS.highlights.get('loa-cau');
  const range = h && h.size ? [...h][0] : null;
  const node = range && range.startContainer.parentElement;
  return {sentence: text('loa-cau'), word: text('loa-tu'),
          inHost: !!(node && !node.closest('loa-nghe') && document.body.contains(node))};
}"""
CLS_JS = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 300);
})"""


@pytest.fixture
def hosts(live_server):
    made = [HostSite("cong-thong-tin", live_server.url, csp=True).start(), HostSite("so-khac", live_server.url).start()]
    yield made
    for host in made:
        host.stop()


def register(host: HostSite, selector: str = "", skip: str = ""):
    from loa.widget.models import WidgetSite

    site = WidgetSite.objects.create(name=host.root.name, origins=host.origin, private_network=True,
                                     article_selector=selector, skip_selectors=skip)
    host.key = site.key
    return site


def narrate_ahead(site, url: str) -> None:
    """What the feed pre-generation does: fetch, extract, make the default voice's audio."""
    from loa.widget.narrate import request_narration
    from loa.widget.pages import current_page
    from loa.widget.site_voices import default_voice

    page = current_page(site, url)
    assert page.status == "ok", page.error
    request_narration(page, default_voice(site))
    run_tasks()


def open_host(browser, url: str, viewport=None, bypass_csp: bool = False):
    context = browser.new_context(locale="vi-VN", user_agent=DESKTOP_UA, bypass_csp=bypass_csp,
                                  viewport=viewport or {"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and "/favicon.ico" not in response.url else None)
    page.goto(url)
    return context, page, errors


def play_and_check_highlights(page) -> dict:
    play = page.get_by_role("button", name="Nghe đọc bài")
    play.click()
    page.get_by_role("button", name="Tạm dừng").wait_for()
    for _ in range(100):
        found = page.evaluate(HIGHLIGHTS_JS)
        if found["sentence"] and found["word"]:
            break
        page.wait_for_timeout(100)
    assert found["sentence"] and found["word"], found
    assert found["inHost"], "the sentence is highlighted in the host's own text"
    assert found["word"].strip() in found["sentence"]
    return found


@pytest.mark.parametrize(("folder", "path", "selector"), [
    ("cong-thong-tin", "/tin-tuc.html", ".news-detail"),
    ("so-khac", "/bai-viet.html", ""),
])
def test_player_plays_and_highlights_in_the_host_text(browser, hosts, transactional_db, folder, path, selector):
    host = next(h for h in hosts if h.root.name == folder)
    site = register(host, selector, ".tin-lien-quan")
    narrate_ahead(site, host.url(path))
    context, page, errors = open_host(browser, host.url(path))
    try:
        page.locator("loa-nghe").wait_for(state="attached")
        assert page.evaluate(CLS_JS) < 0.01, "inserting the player shifts no layout"
        for name in ("Lùi 10 giây", "Tới 10 giây"):
            page.get_by_role("button", name=name).wait_for()
        page.get_by_role("combobox", name="Tốc độ đọc").wait_for()
        page.get_by_role("combobox", name="Giọng đọc").wait_for()
        first = play_and_check_highlights(page)
        time_text = page.evaluate(f"() => {SHADOW}.querySelector('.t').textContent")
        assert time_text.endswith(" / " + time_text.split(" / ")[1]) and time_text.split(" / ")[1] != "0:00"
        link = page.get_by_role("link", name="Tải về")
        assert "/readaloud/audio/" in link.get_attribute("href")

        # Click a later sentence in the host's text: playback moves there.
        last = page.locator("p, li").filter(has_text="hoàn thành tốt nhiệm vụ" if selector else "Nộp lệ phí").last
        last.click(position={"x": 5, "y": 5})
        page.wait_for_timeout(400)
        moved = page.evaluate(HIGHLIGHTS_JS)
        assert moved["sentence"] != first["sentence"]
        assert moved["sentence"] in last.inner_text() or last.inner_text().startswith(moved["sentence"][:20])

        # Scrolled away while playing: the mini-player stays on screen, the page keeps its layout.
        page.set_viewport_size({"width": 1024, "height": 420})
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(300)
        assert page.evaluate(f"() => {SHADOW}.querySelector('.p').getBoundingClientRect().bottom") <= 420
        assert page.evaluate(f"() => {SHADOW}.querySelector('.p').classList.contains('m')")
        page.get_by_role("button", name="Tạm dừng").click()
        count, report = axe_violations_in_player(page)
        assert not count, report
        assert not [e for e in errors if "Content Security Policy" in e or e[:1].isdigit()], errors
    finally:
        context.close()


def axe_violations_in_player(page) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    from .test_player import WCAG_21_AA

    results = Axe().run(page, context="loa-nghe", options=WCAG_21_AA)
    return results.violations_count, results.generate_report()


def test_player_at_360_px_with_the_host_css(browser, hosts, transactional_db):
    host = next(h for h in hosts if h.root.name == "so-khac")
    site = register(host)
    narrate_ahead(site, host.url("/bai-viet.html"))
    context, page, _errors = open_host(browser, host.url("/bai-viet.html"), viewport=PHONE, bypass_csp=True)
    try:
        page.locator("loa-nghe").wait_for(state="attached")
        box = page.evaluate(f"() => {{ const r = {SHADOW}.querySelector('.p').getBoundingClientRect();"
                            " return [r.left, r.right, r.height, document.documentElement.clientWidth]; }")
        left, right, height, width = box
        assert left >= 0 and right <= width + 0.5 and 60 < height < 260, box
        # The host's "button { display: none !important }" and "span { ... }" do not reach the player.
        play = page.get_by_role("button", name="Nghe đọc bài")
        assert play.is_visible()
        font = page.evaluate(f"() => getComputedStyle({SHADOW}.querySelector('button')).fontFamily")
        assert "Times" not in font
        play_and_check_highlights(page)
        count, report = axe_violations_in_player(page)
        assert not count, report
    finally:
        context.close()


def test_visitor_box_counts_a_visit_exactly_once(browser, hosts, transactional_db):
    from loa.widget.models import WidgetDaily

    host = next(h for h in hosts if h.root.name == "cong-thong-tin")
    site = register(host, ".news-detail")
    context, page, _errors = open_host(browser, host.url("/tin-tuc.html"))
    try:
        box = page.get_by_role("region", name="Thống kê truy cập")
        box.wait_for()
        page.locator("loa-thong-ke[data-loaded]").wait_for(state="attached")
        assert "Hôm nay: 1" in box.inner_text() and "Đang online: 1" in box.inner_text()
        page.reload()
        page.locator("loa-thong-ke[data-loaded]").wait_for(state="attached")
        assert "Hôm nay: 1" in page.get_by_role("region", name="Thống kê truy cập").inner_text()
        row = WidgetDaily.objects.get(site=site)
        assert (row.views, row.visits) == (2, 1)
        assert not context.cookies(host.origin) and not context.cookies(page.url)
    finally:
        context.close()


def test_play_on_an_article_loa_has_never_seen(browser, hosts, transactional_db):
    """Pressing play is what makes Loa fetch the page and make the audio; the player waits, then plays."""
    from loa.widget.models import WidgetNarration, WidgetPage

    host = next(h for h in hosts if h.root.name == "cong-thong-tin")
    register(host, ".news-detail", ".tin-lien-quan")
    context, page, errors = open_host(browser, host.url("/tin-tuc.html"))
    try:
        page.locator("loa-nghe").wait_for(state="attached")
        assert not WidgetPage.objects.exists() and host.hits["/tin-tuc.html"] == 1  # only the browser's visit
        page.get_by_role("button", name="Nghe đọc bài").click()
        page.get_by_role("status").filter(has_text="Đang").wait_for()
        for _ in range(50):
            if WidgetNarration.objects.exists():
                break
            page.wait_for_timeout(100)
        assert host.hits["/tin-tuc.html"] == 2, "Loa fetched the page itself, once"
        run_tasks()  # the worker makes the audio
        assert WidgetNarration.objects.get().state == "ready"
        page.get_by_role("button", name="Tạm dừng").wait_for()
        for _ in range(50):
            if page.evaluate(HIGHLIGHTS_JS)["word"]:
                break
            page.wait_for_timeout(100)
        assert page.evaluate(HIGHLIGHTS_JS)["inHost"]
        for _ in range(50):  # from the growing stream (if it got there first) to the finished file
            if "/readaloud/audio/" in (page.get_by_role("link", name="Tải về").get_attribute("href") or ""):
                break
            page.wait_for_timeout(100)
        assert page.evaluate(f"() => {SHADOW}.querySelector('.s').textContent") == ""
        assert page.get_by_role("button", name="Tạm dừng").is_visible(), "still playing after the switch"
    finally:
        context.close()


def test_keyboard_and_the_fallback_without_the_highlight_api(browser, hosts, transactional_db):
    """A browser without CSS Custom Highlights gets the paragraph being read marked; the player works by keyboard."""
    host = next(h for h in hosts if h.root.name == "so-khac")
    site = register(host)
    narrate_ahead(site, host.url("/bai-viet.html"))
    context = browser.new_context(locale="vi-VN", user_agent=DESKTOP_UA, bypass_csp=True)
    context.add_init_script("delete window.Highlight; if (window.CSS) delete CSS.highlights;")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(host.url("/bai-viet.html"))
        play = page.get_by_role("button", name="Nghe đọc bài")
        play.focus()
        page.keyboard.press("Enter")
        page.get_by_role("button", name="Tạm dừng").wait_for()
        marked = page.locator(".loa-dang-doc")
        marked.first.wait_for()
        assert marked.count() == 1
        assert marked.first.evaluate("e => e.tagName") in ("H1", "P", "LI", "H2")
        page.keyboard.press("k")  # inside the player: pause
        page.get_by_role("button", name="Nghe đọc bài").wait_for()
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.tagName") == "LOA-NGHE"  # focus stays in the player
    finally:
        context.close()
