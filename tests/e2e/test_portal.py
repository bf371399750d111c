"""Visitor-side end-to-end checks in headless Chromium."""
from __future__ import annotations

import pytest

from .conftest import OVERFLOW_JS

SEED_TITLE = "Báo cáo chính trị Đại hội Đảng bộ cơ sở Hội đồng nhân dân tỉnh lần thứ I, nhiệm kỳ 2025-2030"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_violations(browser_page) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(browser_page, options=WCAG_21_AA)
    return results.violations_count, results.generate_report()


def open_seed_article(browser_page, base_url: str) -> None:
    browser_page.goto(base_url + "/")
    browser_page.get_by_role("link", name=SEED_TITLE).first.click()
    browser_page.wait_for_selector("h1.article-title")


def test_home_to_seed_article_shows_full_text(page, demo_site):
    page.goto(demo_site + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("img.banner-image").is_visible()
    assert page.get_by_role("heading", name="THỐNG KÊ TRUY CẬP").is_visible()
    assert page.locator("[data-ad-id]").count() >= 3
    open_seed_article(page, demo_site)
    assert page.locator("h1").inner_text() == SEED_TITLE
    # Blocks far below are laid out only as they come near (content-visibility), so read the text itself,
    # then check the last block shows once scrolled to.
    body = page.locator("#article-body").text_content().strip()
    assert body.startswith("PHẦN THỨ NHẤT.")
    assert "PHẦN THỨ HAI." in body and "53.082 cử tri" in body
    assert body.endswith("đề ra.") and "“ĐOÀN KẾT - NĂNG ĐỘNG - PHÁT TRIỂN”" in body
    last = page.locator("#article-body > .block").last
    last.scroll_into_view_if_needed()
    last.evaluate("el => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # rendered
    assert last.inner_text().rstrip().endswith("đề ra.") and last.is_visible()


def test_nothing_overflows_at_360px(page, demo_site):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", None):
        if path:
            page.goto(demo_site + path)
        else:
            open_seed_article(page, demo_site)
        page.wait_for_load_state("load")
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        overflowing = page.evaluate(OVERFLOW_JS)
        assert widths[0] <= widths[1] == 360, (page.url, widths)
        assert overflowing == [], (page.url, overflowing[:10])


@pytest.mark.parametrize("where", ["home", "article"])
def test_axe_wcag21_aa_has_no_violations(page, demo_site, where):
    if where == "home":
        page.goto(demo_site + "/")
    else:
        open_seed_article(page, demo_site)
    page.wait_for_load_state("load")
    count, report = axe_violations(page)
    assert count == 0, report


PERSON_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"


def test_skip_link_moves_focus_to_main(page, demo_site):
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"


def test_clicking_an_ad_counts_and_lands_on_its_url(new_context, demo_site):
    from loa.ads.models import AdSlot, Advertisement

    # Headless Chromium says so in its User-Agent and is not counted (a bot); a person's browser is.
    page = new_context(user_agent=PERSON_UA).new_page()

    template = Advertisement.objects.filter(slot__key="sidebar").first()
    target = demo_site + "/cong-tac-dang/"
    ad = Advertisement.objects.create(
        title="Quảng cáo thử", slot=AdSlot.objects.get(key="sidebar"), image=template.image,
        alt_text="Quảng cáo thử nghiệm nội bộ", target_url=target, sort_order=0,
    )
    page.goto(demo_site + "/")
    link = page.locator(f'[data-ad-id="{ad.pk}"] a')
    assert link.get_attribute("href") == f"/ads/{ad.pk}/click"
    # The impression beacon is sent once the page has loaded.
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/ads/impressions'))"
    )
    link.click()
    page.wait_for_url(target)
    assert page.get_by_role("heading", name="Công tác Đảng").is_visible()
    ad.refresh_from_db()
    assert ad.clicks == 1
    assert ad.impressions >= 1


def test_axe_harness_detects_violations(page, site_url):
    # Guards the check above against passing vacuously (e.g. axe not injected).
    page.set_content('<html><body><img src="data:,"><a href="#"></a></body></html>')
    count, _ = axe_violations(page)
    assert count >= 2
