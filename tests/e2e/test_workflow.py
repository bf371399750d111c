"""Editorial workflow "Duyệt tin bài" in the real admin: an editor writes and submits, a leader approves."""
from __future__ import annotations

TITLE = "Thường trực HĐND tỉnh họp phiên thường kỳ tháng 8"
SCRIPT_TEXT = "<script>window.__xss = 1</script>"


def open_action_menu(browser_page) -> None:
    browser_page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()


def test_editor_submits_and_leader_approves(page, new_context, demo_site, make_user, login):
    from loa.pages.models import ArticlePage, CategoryPage

    make_user("bientap", groups=("Biên tập viên",))
    make_user("lanhdao", groups=("Lãnh đạo duyệt",))
    category = CategoryPage.objects.get(slug="hoat-dong-hdnd")

    # The editor writes an article (title, summary, one paragraph) and submits it.
    login(page, "bientap")
    page.goto(f"{demo_site}/admin/pages/add/pages/articlepage/{category.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Phiên họp cho ý kiến về chương trình giám sát năm 2026.")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Đoạn văn").click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.press_sequentially(f"Phiên họp thống nhất nội dung kỳ họp. {SCRIPT_TEXT}")
    page.keyboard.press("Escape")  # "/" opens Draftail's command menu; close it
    # Draftail copies its state into the form field after a short debounce.
    page.wait_for_function(
        "() => (document.querySelector('input[name=\"body-0-value-text\"]') || {}).value?.includes('__xss')"
    )
    open_action_menu(page)
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(f"{demo_site}/admin/pages/{category.pk}/")
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    # Editors cannot publish on their own.
    page.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    assert page.locator("button[name='action-publish']").count() == 0

    # The leader approves from the edit view.
    leader = new_context().new_page()
    login(leader, "lanhdao")
    leader.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    open_action_menu(leader)
    with leader.expect_navigation():
        leader.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()

    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None

    # Visitors now see it; the typed <script> is text, not code.
    page.context.clear_cookies()
    page.goto(f"{demo_site}/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_selector("h1.article-title")
    assert SCRIPT_TEXT in page.locator("#article-body").inner_text()
    assert page.evaluate("() => window.__xss") is None
