"""The council's own content in headless Chromium: the document library (filters, search, a document read
aloud), a session linking its documents, the delegate filter; axe-core finds no WCAG 2.1 AA violation."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from loa.readaloud.tests.helpers import run_tasks

from .conftest import OVERFLOW_JS
from .scripts import SENTENCE_OFFSET_MISMATCHES

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
RESULTS = "document.querySelectorAll('.doc-list .doc-item').length"


def assert_accessible(browser_page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(browser_page, options=WCAG_21_AA)
    assert results.violations_count == 0, (browser_page.url, results.generate_report())


def assert_fits_360(browser_page) -> None:
    # A page reached by a click may be measured before its stylesheet has arrived (a bare
    # photo is wider than a phone): measure the page as it is shown, once it has loaded.
    browser_page.wait_for_load_state("load")
    widths = browser_page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], (browser_page.url, widths, browser_page.evaluate(OVERFLOW_JS)[:5])


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_library_filters_combine_into_a_shareable_url(page, demo_site):
    page.goto(demo_site + "/")
    page.get_by_role("navigation", name="Chuyên mục").get_by_role("link", name="Văn bản").click()
    page.wait_for_selector("h1:has-text('Văn bản')")
    total = page.evaluate(RESULTS)
    assert total >= 12
    assert_accessible(page)
    page.select_option("#doc-loai", label="Nghị quyết")
    page.select_option("#doc-nam", "2025")
    page.get_by_role("button", name="Lọc văn bản").click()
    page.wait_for_url("**/van-ban/?*")
    assert query_of(page.url)["loai"] == ["nghi-quyet"] and query_of(page.url)["nam"] == ["2025"]
    numbers = page.locator(".doc-item-number strong").all_inner_texts()
    assert numbers and all(n.endswith("/2025/NQ-HĐND") for n in numbers)
    assert page.locator("#doc-loai").input_value() == "nghi-quyet"  # the form keeps the filters
    assert_accessible(page)
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)  # the same URL gives the same list
    assert other.locator(".doc-item-number strong").all_inner_texts() == numbers
    page.get_by_role("link", name="Bỏ lọc").click()
    page.wait_for_function(f"{RESULTS} === {total}")


def test_library_search_by_number_as_written_or_folded(page, demo_site):
    page.goto(demo_site + "/van-ban/")
    page.fill("#doc-q", "25/2024/NQ-HĐND")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=*")
    assert page.locator(".doc-item-number strong").all_inner_texts() == ["25/2024/NQ-HĐND"]
    assert page.locator("#doc-q").input_value() == "25/2024/NQ-HĐND"
    assert_accessible(page)
    # The site search in the header: no diacritics, no punctuation.
    page.fill("#nav-search-q", "25 2024 nq hdnd")
    page.keyboard.press("Enter")
    page.wait_for_selector("#search-documents-heading")
    section = page.locator(".search-section-documents")
    assert section.locator(".doc-item-number strong").all_inner_texts() == ["25/2024/NQ-HĐND"]
    assert_accessible(page)
    section.get_by_role("link", name="Nghị quyết về dự toán ngân sách địa phương năm 2025").click()
    page.wait_for_selector("table.doc-meta")
    assert page.locator("tr[data-readaloud-block=meta-number] td").inner_text() == "25/2024/NQ-HĐND"
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits_360(page)
    assert_accessible(page)


def test_document_audio_points_into_the_rendered_text(page, site_url):
    from loa.documents.lookups import DocumentField, DocumentType, IssuingBody
    from loa.documents.models import DocumentIndexPage
    from loa.documents.tests.conftest import make_document
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_home

    ensure_roots()
    home = make_home()
    index = DocumentIndexPage(title="Văn bản", slug="van-ban")
    home.add_child(instance=index)
    index.save_revision().publish()
    lookups = {"nghi-quyet": DocumentType.objects.create(name="Nghị quyết", slug="nghi-quyet"),
               "hdnd": IssuingBody.objects.create(name="Hội đồng nhân dân tỉnh", slug="hdnd-tinh"),
               "ngan-sach": DocumentField.objects.create(name="Tài chính – Ngân sách", slug="tai-chinh-ngan-sach")}
    document = make_document(index, lookups)
    run_tasks()  # the text, then the audio
    page.goto(site_url + document.url)
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    headings = page.locator(".doc-body h3.doc-heading").all_inner_texts()
    assert "Điều 1. Dự toán thu ngân sách nhà nước năm 2025" in headings and "QUYẾT NGHỊ:" in headings
    mismatches = page.evaluate(SENTENCE_OFFSET_MISMATCHES)
    count, bad = mismatches
    assert count > 10 and bad == []
    # Playing highlights the sentence being read, inside the metadata table or the text.
    page.get_by_role("button", name="Nghe", exact=True).click()
    page.wait_for_function("+document.querySelector('[data-readaloud-player]').getAttribute('data-sentence') >= 1",
                           timeout=15_000)
    highlighted = page.evaluate("(() => { const h = CSS.highlights.get('loa-readaloud'); return h ? [...h][0].toString() : null; })()")
    assert highlighted in {"Số ký hiệu", "25/2024/NQ-HĐND", document.title}
    assert_accessible(page)


def test_session_page_links_its_documents(page, demo_site):
    page.goto(demo_site + "/ky-hop/")
    assert page.locator(".session-term-title").first.inner_text().startswith("Hội đồng nhân dân Khóa X")
    assert_accessible(page)
    page.get_by_role("link", name="Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X").first.click()
    page.wait_for_selector("#session-agenda")
    assert "08:00 Khai mạc kỳ họp" in page.locator(".session-agenda").first.inner_text()
    resolutions = page.locator("section[aria-labelledby=session-resolutions] .doc-item-number strong").all_inner_texts()
    assert resolutions == ["15/2025/NQ-HĐND", "16/2025/NQ-HĐND", "17/2025/NQ-HĐND", "18/2025/NQ-HĐND"]
    assert page.locator("section[aria-labelledby=session-materials] .doc-item").count() == 6
    assert page.get_by_role("link", name="Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X thông qua 18 nghị quyết").is_visible()
    assert_accessible(page)
    page.locator("section[aria-labelledby=session-resolutions]").get_by_role(
        "link", name="Nghị quyết sửa đổi, bổ sung Nghị quyết số 12/2024/NQ-HĐND").click()
    page.wait_for_selector("table.doc-meta")
    assert page.locator("tr[data-readaloud-block=meta-number] td").inner_text() == "17/2025/NQ-HĐND"
    # The amended resolution links back to this one.
    page.get_by_role("link", name="Nghị quyết quy định mức hỗ trợ đóng bảo hiểm y tế").click()
    assert "Được sửa đổi, bổ sung – bởi Nghị quyết 17/2025/NQ-HĐND" in page.locator("table.doc-meta").inner_text()


@pytest.mark.parametrize("width", [1280, 360])
def test_delegate_filter_by_to_and_khoa(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/dai-bieu/")
    assert page.locator(".delegate-card").count() == 24
    assert page.locator(".delegate-group-title").count() == 4
    assert_accessible(page)
    page.get_by_role("navigation", name="Lọc theo tổ đại biểu").get_by_role("link", name="Tổ 2").click()
    page.wait_for_url("**/dai-bieu/?to=2")
    assert page.locator(".delegate-card").count() == 6
    assert page.get_by_role("link", name="Tổ 2").get_attribute("aria-current") == "true"
    assert_accessible(page)
    page.get_by_role("link", name="Khóa IX").click()
    page.wait_for_url("**khoa=9**")
    assert page.locator(".delegate-card").count() == 4
    if width == 360:
        assert_fits_360(page)
    page.get_by_role("link", name="Khóa X", exact=True).click()
    page.get_by_role("link", name="Trần Quốc Hưng").click()
    page.wait_for_selector("h1:has-text('Trần Quốc Hưng')")
    alt = page.locator("img.delegate-photo-large").get_attribute("alt")
    assert alt == "Ảnh chân dung đại biểu Trần Quốc Hưng"
    sessions = page.locator("section[aria-labelledby=delegate-sessions] li").all_inner_texts()
    assert any("Kỳ họp thứ 25" in s for s in sessions)
    assert_accessible(page)
