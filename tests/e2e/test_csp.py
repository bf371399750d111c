"""The Content-Security-Policy in a real browser: public pages and the Wagtail admin work with no violation."""
from __future__ import annotations

import pytest

COLLECT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || ''}:${e.lineNumber}`));
"""


@pytest.fixture
def watched(new_context):
    """A page that records CSP violations (events and console reports) across navigations."""
    def make():
        page = new_context(bypass_csp=False).new_page()
        page.add_init_script(COLLECT)
        page.console_reports = []
        page.on("console", lambda msg: page.console_reports.append(msg.text)
                if "Content Security Policy" in msg.text else None)
        return page

    return make


def violations(page) -> list[str]:
    return page.evaluate("() => window.__csp") + page.console_reports


def test_public_pages_run_their_scripts_with_no_violation(watched, demo_site):
    from loa.pages.models import ArticlePage

    page = watched()
    article = ArticlePage.objects.live().first()
    for path in ("/", article.get_parent().url, article.url, "/tim-kiem/?q=hoi+dong", "/khong-co/", "/nghe/",
                 f"/embed/{article.pk}/"):
        page.goto(demo_site + path)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path
        # The site's own scripts ran: the stats widget, ads and the player are scripts from /static/.
        assert page.evaluate("() => performance.getEntriesByType('resource').some(e => e.name.includes('/static/'))")
    page.goto(demo_site + article.url)
    page.wait_for_selector("[data-readaloud-controls]:not([hidden])")  # player.js took over from the basic player
    # An inline script injected into the page is refused.
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                              document.body.appendChild(s); }""")
    assert page.evaluate("() => window.__ran") is None
    assert any("script-src" in v for v in violations(page))


def test_the_admin_works_under_its_policy(watched, demo_site, make_user, login):
    from loa.pages.models import ArticlePage, CategoryPage

    make_user("quantri", superuser=True)
    page = watched()
    login(page, "quantri")
    category = CategoryPage.objects.get(slug="hoat-dong-hdnd")
    article = ArticlePage.objects.live().first()
    for path in ("/admin/", f"/admin/pages/{category.pk}/", f"/admin/pages/{article.pk}/edit/",
                 f"/admin/pages/add/pages/articlepage/{category.pk}/", "/admin/snippets/ads/advertisement/add/",
                 "/admin/images/", "/admin/thong-ke/"):
        response = page.goto(demo_site + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path
    # The date-time pickers (inline scripts in Wagtail's widget) work.
    page.goto(demo_site + "/admin/snippets/ads/advertisement/add/")
    page.locator("#id_start_at").click()
    page.wait_for_selector(".xdsoft_datetimepicker", state="visible")
    # The userbar on a public page works for a logged-in editor (the public policy applies there).
    page.goto(demo_site + article.url)
    page.wait_for_load_state("networkidle")
    assert page.locator("wagtail-userbar").count() == 1
    assert violations(page) == []
