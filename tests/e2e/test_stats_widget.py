"""The "THỐNG KÊ TRUY CẬP" box counts real browser visits: beacon -> /api/stats/hit -> widget refresh."""
from __future__ import annotations

import pytest

from loa.stats.backends import reset_collector

# Headless Chromium says "HeadlessChrome" and is rightly not counted; these browsers pose as ordinary ones.
DESKTOP_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
PHONE_UA = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"


@pytest.fixture
def live_stats(settings):
    """Embedded backend, summary not cached, so the box can show a visit within seconds."""
    reset_collector(flush=False)
    settings.STATS_BACKEND = "memory"
    settings.STATS_FLUSH_SECONDS = 0
    settings.STATS_SUMMARY_CACHE_SECONDS = 0
    yield
    reset_collector(flush=False)


def visitor_page(browser, base_url: str, user_agent: str):
    context = browser.new_context(locale="vi-VN", user_agent=user_agent, viewport={"width": 1280, "height": 900},
                                  bypass_csp=True)  # its wait_for_function strings are evaluated in the page
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def number(page, stat: str) -> int:
    return int(page.locator(f'[data-stats-widget] [data-stat="{stat}"]').inner_text().replace(".", ""))


def wait_for_number(page, stat: str, expected: int) -> None:
    page.wait_for_function(
        "([stat, expected]) => { const el = document.querySelector(`[data-stats-widget] [data-stat=\"${stat}\"]`);"
        " return el && Number(el.textContent.replace(/\\./g, '')) === expected; }",
        arg=[stat, expected],
        timeout=10_000,
    )


def test_home_and_article_visits_raise_online_and_today(browser, demo_site, live_stats):
    first, home = visitor_page(browser, demo_site, DESKTOP_UA)
    try:
        home.goto(demo_site + "/")
        box = home.get_by_role("region", name="THỐNG KÊ TRUY CẬP")
        assert box.locator("dt").all_inner_texts() == ["Đang online", "Hôm nay", "Trong tháng", "Tất cả"]
        online, today = number(home, "online"), number(home, "today")
        wait_for_number(home, "online", online + 1)
        wait_for_number(home, "today", today + 1)
        article_url = home.locator("main article .article-item-title a").first.get_attribute("href")
    finally:
        first.close()

    second, article = visitor_page(browser, demo_site, PHONE_UA)
    try:
        article.goto(article_url if article_url.startswith("http") else demo_site + article_url)
        assert article.locator("h1").count() == 1
        wait_for_number(article, "online", online + 2)
        wait_for_number(article, "today", today + 2)
        assert number(article, "month") >= today + 2
    finally:
        second.close()
