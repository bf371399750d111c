"""The pages the law asks for, in a real browser at 1280 and 360 px: the English version (/en/), the
open-data catalogue (/du-lieu-mo/) and the citizen's personal-data page (/du-lieu-ca-nhan/), each
without a WCAG 2.1 AA violation (axe-core) and without sideways scrolling on a phone."""
from __future__ import annotations

import pytest

from .test_player import axe_violations

VIEWPORTS = ({"width": 1280, "height": 900}, {"width": 360, "height": 740})


@pytest.fixture
def law_site(site_url):
    from django.utils import timezone

    from loa.infopages.demo import load_info_pages
    from loa.languages.demo import load_english_demo
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_home
    from loa.questions.models import Question

    ensure_roots()
    home = make_home()
    load_info_pages(home)
    load_english_demo(home)
    question = Question(name="Nguyễn Văn Dân", email="dan@example.vn", title="Thời hạn cấp sổ đỏ",
                        content="Xin hỏi thời hạn cấp sổ đỏ lần đầu?", consent_at=timezone.now(),
                        reference="HD-2026-E2E000")
    question.save()
    return site_url, question


def check(page, name: str, viewport: dict, failures: list[str]) -> None:
    count, report = axe_violations(page)
    if count:
        failures.append(f"{name} ({viewport['width']} px):\n{report}")
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        failures.append(f"{name} ({viewport['width']} px): {overflow} px wider than the screen")


def test_english_open_data_and_personal_data_pages_pass_axe_at_1280_and_360(new_context, law_site):
    site_url, question = law_site
    failures: list[str] = []
    for viewport in VIEWPORTS:
        page = new_context(viewport=viewport).new_page()

        page.goto(f"{site_url}/en/")
        assert page.locator("html").get_attribute("lang") == "en"
        check(page, "/en/", viewport, failures)
        page.get_by_role("link", name="Introduction").first.click()
        page.get_by_role("link", name="Functions and duties").first.click()
        page.wait_for_selector("h1:has-text('Functions and duties')")
        check(page, "English page", viewport, failures)
        page.locator(".language-switcher a[hreflang=vi]").click()
        page.wait_for_selector("h1:has-text('Chức năng, nhiệm vụ')")
        assert page.locator("html").get_attribute("lang") == "vi"

        page.goto(f"{site_url}/du-lieu-mo/")
        assert page.get_by_role("heading", name="Văn bản").count() == 1
        check(page, "/du-lieu-mo/", viewport, failures)

        page.goto(f"{site_url}/du-lieu-ca-nhan/")
        check(page, "/du-lieu-ca-nhan/ (form)", viewport, failures)
        page.get_by_label("Mã số").fill(question.reference)
        page.get_by_label("Mã riêng").fill("AAAAA-AAAAA")
        page.get_by_role("button", name="Xem dữ liệu").click()
        page.wait_for_selector("[role=alert]")
        check(page, "/du-lieu-ca-nhan/ (refused)", viewport, failures)
        page.get_by_label("Mã riêng").fill(question.access_code)
        page.get_by_role("button", name="Xem dữ liệu").click()
        page.wait_for_selector("text=Thông tin liên hệ đang lưu")
        check(page, "/du-lieu-ca-nhan/ (opened)", viewport, failures)
    assert not failures, "\n\n".join(failures)
