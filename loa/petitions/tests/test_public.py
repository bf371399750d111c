"""Public side: filters as shareable URLs, search without diacritics, per-petition page and its audio,
feeds per filter, CSV/JSON with the same filters, the summary's chart and table, delegates, API, sitemap."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import feedparser
import lxml.html
import pytest
from django.conf import settings

from loa.delegates.models import DelegateIndexPage, DelegatePage, DelegationGroup, Term
from loa.documents.tests.test_document_pages import readaloud_elements, utf16_slice
from loa.petitions.models import VoterMeeting
from loa.petitions.status import Status, local_today, record_status
from loa.readaloud.tests.helpers import run_tasks

from .conftest import add_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def petitions(index, lookups, session):
    today = local_today()
    late = add_petition(index, lookups, title="Đường tỉnh 826 xuống cấp", received=today - timedelta(days=60),
                        deadline=today - timedelta(days=5), session=session)
    record_status(late, Status.FORWARDED, today - timedelta(days=55))
    in_time = add_petition(index, lookups, title="Đèn tín hiệu ngã tư chợ", received=today - timedelta(days=10),
                           deadline=today + timedelta(days=20))
    other_commune = add_petition(index, lookups, title="Cầu Bà Chín yếu", locality="binh-minh",
                                 received=today - timedelta(days=60), deadline=today - timedelta(days=1))
    answered = add_petition(index, lookups, title="Thiếu thuốc huyết áp ở trạm y tế", agency="yte", topic="y-te",
                            received=today - timedelta(days=60), deadline=today - timedelta(days=30),
                            answer="<p>Sở Y tế đã bổ sung 32 loại thuốc. Trạm y tế được điều chuyển thuốc khi thiếu.</p>",
                            session=session)
    record_status(answered, Status.ANSWERED, today - timedelta(days=35))
    record_status(answered, Status.RESOLVED, today - timedelta(days=20))
    return {"late": late, "in_time": in_time, "other": other_commune, "answered": answered}


def titles(html: str) -> set[str]:
    tree = lxml.html.fromstring(html)
    return {a.text_content() for a in tree.xpath("//ul[contains(@class,'petition-list')]//h2/a")}


def test_filters_combine_and_the_url_is_what_a_visitor_shares(client, index, petitions):
    html = client.get(f"{index.url}?dia-ban=tan-phu&qua-han=1").content.decode()
    assert titles(html) == {"Đường tỉnh 826 xuống cấp"}
    assert "Có 1 kiến nghị (quá hạn, Xã Tân Phú)." in html
    assert 'value="1" checked' in html and '<option value="tan-phu" selected>' in html
    assert titles(client.get(f"{index.url}?qua-han=1").content.decode()) == {"Đường tỉnh 826 xuống cấp", "Cầu Bà Chín yếu"}
    assert titles(client.get(f"{index.url}?trang-thai=da-giai-quyet").content.decode()) == {"Thiếu thuốc huyết áp ở trạm y tế"}
    assert titles(client.get(f"{index.url}?co-quan=yte&linh-vuc=y-te").content.decode()) == {"Thiếu thuốc huyết áp ở trạm y tế"}
    assert len(titles(client.get(f"{index.url}?ky-hop=ky-hop-thu-25").content.decode())) == 2
    html = client.get(f"{index.url}?dia-ban=khong-co&trang-thai=bay-ba").content.decode()
    assert len(titles(html)) == 4 and "Một số điều kiện lọc không còn đúng" in html


def test_search_ignores_diacritics_and_case(client, index, petitions):
    assert titles(client.get(f"{index.url}?q=DUONG+tinh").content.decode()) == {"Đường tỉnh 826 xuống cấp"}
    assert titles(client.get(f"{index.url}?q=thuốc+điều+chuyển").content.decode()) == {"Thiếu thuốc huyết áp ở trạm y tế"}
    assert titles(client.get(f"{index.url}?q=%22)(*").content.decode()) == titles(client.get(index.url).content.decode())
    site = client.get("/tim-kiem/?q=cau+ba+chin").content.decode()
    assert "Kiến nghị cử tri" in site and "Cầu Bà Chín yếu" in site


def test_the_page_cache_keeps_the_filter_parameters():
    for name in ("trang-thai", "dia-ban", "linh-vuc", "co-quan", "ky-hop", "qua-han", "q", "page"):
        assert name in settings.LOA_PAGE_CACHE_QUERY_PARAMS


def test_a_recorded_step_shows_at_once_on_cached_pages(client, index, petitions, settings):
    from django.core.cache import cache

    from loa.core.cache import CACHE_HEADER

    settings.LOA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    done = f"{index.url}?trang-thai=da-tra-loi"
    assert titles(client.get(done).content.decode()) == set()
    assert client.get(done)[CACHE_HEADER] == "hit"
    record_status(petitions["in_time"], Status.ANSWERED, local_today())
    response = client.get(done)
    assert response[CACHE_HEADER] == "miss" and titles(response.content.decode()) == {"Đèn tín hiệu ngã tư chợ"}
    cache.clear()


def test_petition_page_shows_the_timeline_and_is_read_aloud_with_offsets(client, petitions, media):
    page = petitions["answered"]
    run_tasks()
    html = client.get(page.url).content.decode()
    tree = lxml.html.fromstring(html)
    steps = [li.text_content().split()[1:3] for li in tree.xpath("//ol[@class='petition-timeline']/li")]
    assert [s[0] for s in steps] == ["Tiếp", "Đã", "Đã"]
    assert "Đã giải quyết" in html and "Quá hạn" not in html.split("petition-timeline")[1]
    for block, markup in page.readaloud_pieces()[1:]:
        assert f'data-readaloud-block="{block}">{markup}</div>' in html
    answer = client.get(f"/api/readaloud/pages/{page.pk}").json()
    assert answer["status"] == "ready"
    elements = readaloud_elements(html)
    assert {s["block"] for s in answer["sentences"]} == {"title", "content", "answer"}
    for sentence in answer["sentences"]:
        assert utf16_slice(elements[sentence["block"]], sentence["char_start"], sentence["char_end"]) == sentence["text"]
    late = client.get(petitions["late"].url).content.decode()
    assert "Hết hạn trả lời" in late and "Chưa có trả lời." in late


def test_feeds_follow_the_same_filters(client, index, petitions):
    feed = feedparser.parse(client.get(f"{index.url}atom/?dia-ban=tan-phu&qua-han=1").content)
    assert feed.feed.title == "Kiến nghị cử tri – quá hạn, Xã Tân Phú"
    assert [e.title for e in feed.entries] == ["[Đã chuyển – quá hạn] Đường tỉnh 826 xuống cấp"]
    rss = feedparser.parse(client.get(f"{index.url}rss/?co-quan=yte").content)
    assert rss.version == "rss20" and [e.title for e in rss.entries] == ["[Đã giải quyết] Thiếu thuốc huyết áp ở trạm y tế"]
    everything = feedparser.parse(client.get(f"{index.url}atom/").content)
    assert len(everything.entries) == 4
    # A step changes the entry's id: readers show it as new.
    before = {e.link: e.id for e in everything.entries}
    record_status(petitions["in_time"], Status.FORWARDED, local_today())
    after = {e.link: e.id for e in feedparser.parse(client.get(f"{index.url}atom/").content).entries}
    changed = [link for link in before if before[link] != after[link]]
    assert changed == [f"http://testserver{petitions['in_time'].url}"]


def test_csv_and_json_exports_have_the_list_filters(client, index, petitions):
    data = client.get(f"{index.url}xuat/json/?qua-han=1").json()
    assert data["count"] == 2 and {item["tieu_de"] for item in data["items"]} == {"Đường tỉnh 826 xuống cấp", "Cầu Bà Chín yếu"}
    assert all(item["qua_han"] for item in data["items"])
    response = client.get(f"{index.url}xuat/csv/?dia-ban=tan-phu&trang-thai=da-giai-quyet")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [(r["tieu_de"], r["trang_thai_ten"], r["qua_han"]) for r in rows] == [
        ("Thiếu thuốc huyết áp ở trạm y tế", "Đã giải quyết", "không")]
    assert client.get(f"{index.url}xuat/xml/").status_code == 404
    empty = client.get(f"{index.url}xuat/csv/?q=khongcogi").content.decode()
    assert empty.startswith("\ufeff") and empty.count("\n") == 1


def test_exported_cells_never_run_as_formulas(client, index, lookups):
    add_petition(index, lookups, title="=HYPERLINK(\"http://x\")", received=date(2025, 6, 20))
    text = client.get(f"{index.url}xuat/csv/").content.decode()
    assert "'=HYPERLINK" in text


def test_summary_table_matches_the_chart(client, index, petitions):
    html = client.get(f"{index.url}tong-hop/").content.decode()
    tree = lxml.html.fromstring(html)
    for section in ("theo-co-quan", "theo-ky-hop"):
        bars = tree.xpath(f"//section[@id='{section}']//*[name()='g'][@class='chart-row']")
        rows = tree.xpath(f"//section[@id='{section}']//table/tbody/tr")
        assert len(bars) == len(rows) > 0
        for bar, row in zip(bars, rows, strict=True):
            cells = [td.text_content().strip() for td in row.xpath("td")]
            assert bar.get("data-label") == row.xpath("th")[0].text_content().strip()
            assert (bar.get("data-total"), bar.get("data-resolved"), bar.get("data-overdue")) == (cells[0], cells[2], cells[4])
    svg = tree.xpath("//section[@id='theo-co-quan']//*[name()='svg']")[0]
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-agency-title"
    gtvt = tree.xpath("//table[@id='table-agency']/tbody/tr[th/a[text()='Sở GTVT']]/td")
    assert [td.text_content().strip() for td in gtvt] == ["3", "0", "0", "0%", "2", "–"]


def test_meetings_and_interpellations_on_the_delegates_page(client, home, lookups, session):
    people = DelegateIndexPage(title="Đại biểu", slug="dai-bieu")
    home.add_child(instance=people)
    people.save_revision().publish()
    group = DelegationGroup.objects.create(number=2, area="huyện Bình Sơn")
    delegate = DelegatePage(title="Bùi Văn Lộc", slug="bui-van-loc", position="Đại biểu", group=group,
                            term=Term.objects.get(number=10))
    people.add_child(instance=delegate)
    delegate.save_revision().publish()
    meeting = VoterMeeting.objects.create(date=date(2025, 6, 16), locality=lookups["tan-phu"], place="Hội trường xã",
                                          group=group, session=session, voters=120, opinions=14)
    meeting.delegates.set([delegate])
    meeting.save()  # a ParentalManyToManyField is written with its model
    html = client.get(delegate.url).content.decode()
    assert "Tiếp xúc cử tri" in html and "16/06/2025" in html and "Hội trường xã (Xã Tân Phú): 120 cử tri, 14 ý kiến" in html
    assert "Chất vấn tại kỳ họp" in html


def test_api_and_sitemap(client, index, petitions):
    data = client.get("/api/v2/pages/?type=petitions.PetitionPage&fields=code,status,status_label,overdue,agency_name").json()
    assert data["meta"]["total_count"] == 4
    late = next(item for item in data["items"] if item["title"] == "Đường tỉnh 826 xuống cấp")
    assert late["overdue"] is True and late["status_label"] == "Đã chuyển" and late["agency_name"] == "Sở Giao thông vận tải"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/kien-nghi/tong-hop/" in sitemap and petitions["late"].url in sitemap


def test_meetings_export(client, index, lookups, session):
    VoterMeeting.objects.create(date=date(2025, 6, 16), locality=lookups["tan-phu"], place="Hội trường xã",
                                session=session, voters=120, opinions=14)
    data = json.loads(client.get(f"{index.url}tiep-xuc-cu-tri/xuat/json/").content)
    assert data["items"][0]["dia_ban"] == "Xã Tân Phú" and data["items"][0]["so_cu_tri"] == 120
    assert "Hội trường xã" in client.get(f"{index.url}tiep-xuc-cu-tri/").content.decode()


def test_empty_form_fields_redirect_to_the_clean_link(client, index, petitions):
    response = client.get(f"{index.url}?q=&trang-thai=&dia-ban=tan-phu&linh-vuc=&co-quan=&ky-hop=&qua-han=1")
    assert response.status_code == 302 and response["Location"] == f"{index.url}?dia-ban=tan-phu&qua-han=1"
    assert client.get(f"{index.url}?q=&trang-thai=")["Location"] == index.url
    assert client.get(f"{index.url}?q=%20")["Location"] == index.url
