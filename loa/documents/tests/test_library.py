"""The library: filters as GET parameters, search by số ký hiệu, downloads, admin, RSS, API, sitemap."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.search import index as search_index

from loa.documents.downloads import record_download
from loa.documents.models import DailyDownload, DocumentPage
from loa.documents.numbers import number_key, number_words
from loa.readaloud.tests.helpers import run_tasks

from .conftest import make_document

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def documents(library, lookups):
    made = [
        make_document(library, lookups, "25/2024/NQ-HĐND", "Nghị quyết về dự toán ngân sách năm 2025",
                      issued=date(2024, 12, 10)),
        make_document(library, lookups, "12/2024/NQ-HĐND", "Nghị quyết hỗ trợ bảo hiểm y tế", subjects=("y-te",),
                      issued=date(2024, 7, 12), summary="Quy định mức hỗ trợ đóng bảo hiểm y tế"),
        make_document(library, lookups, "45/KH-UBND", "Kế hoạch tổ chức kỳ họp", doc_type="ke-hoach", issuer="ubnd",
                      subjects=(), issued=date(2025, 5, 20), summary="Kế hoạch tổ chức Kỳ họp thứ 25"),
    ]
    for page in DocumentPage.objects.all():
        search_index.insert_or_update_object(page)
    return made


def listed(client, query: str) -> list[str]:
    html = client.get(f"/van-ban/{query}").content.decode()
    found = [number for number in ("25/2024/NQ-HĐND", "12/2024/NQ-HĐND", "45/KH-UBND") if f"<strong>{number}</strong>" in html]
    return sorted(found, key=lambda number: html.index(f"<strong>{number}</strong>"))  # in the page's order


def test_number_keys():
    assert number_key("25/2024/NQ-HĐND") == number_key("25 2024 nq hdnd") == number_key("25/2024/nq-hđnd") == "252024nqhdnd"
    assert number_words("25/2024/NQ-HĐND") == "25 2024 nq hdnd"


def test_newest_first_and_filters_combine(client, documents):
    assert listed(client, "") == ["45/KH-UBND", "25/2024/NQ-HĐND", "12/2024/NQ-HĐND"]
    assert listed(client, "?loai=nghi-quyet") == ["25/2024/NQ-HĐND", "12/2024/NQ-HĐND"]
    assert listed(client, "?co_quan=ubnd-tinh") == ["45/KH-UBND"]
    assert listed(client, "?linh_vuc=y-te") == ["12/2024/NQ-HĐND"]
    assert listed(client, "?nam=2024") == ["25/2024/NQ-HĐND", "12/2024/NQ-HĐND"]
    assert listed(client, "?nam=2024&linh_vuc=tai-chinh-ngan-sach&loai=nghi-quyet") == ["25/2024/NQ-HĐND"]
    assert listed(client, "?nam=2025&loai=nghi-quyet") == []
    # The form shows the chosen values, so the URL can be shared and edited.
    html = client.get("/van-ban/?nam=2024&loai=nghi-quyet").content.decode()
    assert '<option value="2024" selected>' in html and '<option value="nghi-quyet" selected>' in html


def test_unknown_or_hostile_filter_values_are_ignored(client, documents):
    for query in ("?loai=khong-co", "?nam=abcd", "?nam=99999", "?co_quan=%00", "?page=999", "?linh_vuc=<script>"):
        response = client.get(f"/van-ban/{query}")
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main", 1)[1]
    assert len(listed(client, "?loai=khong-co")) == 3


@pytest.mark.parametrize("query", ["25/2024/NQ-HĐND", "25/2024/nq-hđnd", "25 2024 NQ HDND", "252024nqhdnd", "25/2024"])
def test_search_by_number_as_written_or_folded(client, documents, query):
    assert listed(client, f"?q={query}") == ["25/2024/NQ-HĐND"]


def test_search_by_words_ignores_diacritics(client, documents):
    assert listed(client, "?q=bảo hiểm y tế") == ["12/2024/NQ-HĐND"]
    assert listed(client, "?q=bao hiem") == ["12/2024/NQ-HĐND"]
    assert listed(client, "?q=ngan sach&loai=ke-hoach") == []
    for hostile in ('"unbalanced', "a AND OR NOT", "x*:^", "(((", "%00"):
        assert client.get(f"/van-ban/?q={hostile}").status_code == 200


def test_search_finds_the_text_of_the_file(client, documents):
    assert listed(client, "?q=noi dia") == []  # before extraction only the metadata is known
    run_tasks()
    for page in DocumentPage.objects.all():
        search_index.insert_or_update_object(page)
    assert set(listed(client, "?q=thu noi dia")) == {"25/2024/NQ-HĐND", "12/2024/NQ-HĐND", "45/KH-UBND"}


def test_site_search_has_a_documents_section(client, documents):
    html = client.get("/tim-kiem/?q=25/2024/NQ-HĐND").content.decode()
    assert "Văn bản (1)" in html and "<strong>25/2024/NQ-HĐND</strong>" in html
    html = client.get("/tim-kiem/?q=25 2024 nq hdnd").content.decode()
    assert "<strong>25/2024/NQ-HĐND</strong>" in html
    assert "Văn bản (" not in client.get("/tim-kiem/?q=khongcogi").content.decode()


def test_site_search_shows_five_documents_and_links_to_the_rest(client, library, lookups):
    for n in range(7):
        search_index.insert_or_update_object(
            make_document(library, lookups, f"{n + 1}/2025/NQ-HĐND", f"Nghị quyết về học phí số {n + 1}",
                          issued=date(2025, 1, n + 1)))
    html = client.get("/tim-kiem/?q=hoc phi").content.decode()
    assert "Văn bản (7)" in html and html.count('<li class="doc-item">') == 5
    assert '<a href="/van-ban/?q=hoc+phi">Xem tất cả 7 văn bản trong thư viện</a>' in html


def test_pagination_keeps_the_filters(client, settings, library, lookups):
    settings.DOCUMENTS_PER_PAGE = 2
    for n in range(5):
        make_document(library, lookups, f"{n + 1}/2025/NQ-HĐND", f"Nghị quyết số {n + 1}", issued=date(2025, 1, n + 1))
    html = client.get("/van-ban/?loai=nghi-quyet").content.decode()
    assert "Trang 1 / 3" in html and 'href="?loai=nghi-quyet&amp;page=2"' in html


def test_downloads_are_counted_once_per_visitor_and_window(client, documents):
    document = documents[0].attachments.first().document
    url = document.url
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200
    client.get(url, HTTP_USER_AGENT=BROWSER)  # the same visitor again: not counted
    client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9")  # another visitor
    client.get(url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)", REMOTE_ADDR="203.0.113.10")
    client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.11", HTTP_RANGE="bytes=500-999")
    assert DailyDownload.objects.get(document=document).count == 2
    html = client.get(documents[0].url).content.decode()
    assert "2 lượt tải" in html


def test_downloads_show_in_the_admin_and_the_dashboard(admin_client, documents):
    document = documents[1].attachments.first().document
    record_download(document.pk)
    record_download(document.pk, timezone.localdate() - timedelta(days=3))
    listing = admin_client.get("/admin/van_ban/").content.decode()
    for label in ("Số ký hiệu", "Ngày ban hành", "Nội dung tệp", "Lượt tải", "12/2024/NQ-HĐND", "Đang chờ trích xuất"):
        assert label in listing
    editor = admin_client.get(f"/admin/pages/{documents[1].pk}/edit/").content.decode()
    assert "Nội dung tệp và lượt tải" in editor and "<td>2</td>" in editor
    dashboard = admin_client.get("/admin/thong-ke/").content.decode()
    assert "Tệp văn bản được tải nhiều nhất" in dashboard and document.title in dashboard


def test_admin_lookup_lists_are_in_vietnamese(admin_client, documents):
    for url, text in (("/admin/loai_van_ban/", "Nghị quyết"), ("/admin/co_quan_ban_hanh/", "Ủy ban nhân dân tỉnh"),
                      ("/admin/linh_vuc/", "Y tế")):
        html = admin_client.get(url).content.decode()
        assert text in html
    add = admin_client.get(f"/admin/pages/add/documents/documentpage/{documents[0].get_parent().pk}/").content.decode()
    for label in ("Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban hành", "Ngày hiệu lực",
                  "Tình trạng hiệu lực", "Trích yếu", "Tệp đính kèm"):
        assert label in add


def test_rss_api_and_sitemap(client, documents):
    rss = client.get("/van-ban/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    assert "Nghị quyết 25/2024/NQ-HĐND: Nghị quyết về dự toán ngân sách năm 2025" in rss.content.decode()
    api = client.get("/api/v2/pages/", {"type": "documents.DocumentPage", "fields": "number,summary,subjects,attachments"})
    items = api.json()["items"]
    assert {item["number"] for item in items} == {"25/2024/NQ-HĐND", "12/2024/NQ-HĐND", "45/KH-UBND"}
    sitemap = client.get("/sitemap.xml").content.decode()
    assert documents[0].full_url in sitemap and "/van-ban/</loc>" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots and "Disallow: /admin/" in robots
