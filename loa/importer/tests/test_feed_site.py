"""`loa import feed` (Atom, full content or the item's page) and `loa import site` (sitemap, crawl, TCVN3)."""
from __future__ import annotations

import csv
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.redirects.models import Redirect

from loa.documents.models import DocumentPage, ExtractedText
from loa.pages.models import ArticlePage

pytestmark = pytest.mark.django_db


def rows_of(report):
    with report.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_atom_feed_full_content_or_page(home, portal, tmp_path):
    report = tmp_path / "feed.csv"
    call_command("import", "feed", f"{portal.base}/atom.xml", "--report", str(report), "--no-backfill")
    rows = rows_of(report)
    assert ArticlePage.objects.count() == 5
    teaser = ArticlePage.objects.get(title="Đoàn giám sát làm việc về đầu tư công tại Đức Hòa")
    assert "Đoàn giám sát" in teaser.plain_text() and len(teaser.plain_text()) > 300  # read from its page
    assert teaser.get_parent().title == "Giám sát"
    assert teaser.date.date().isoformat() == "2024-11-18"
    assert "tracking" not in str(teaser.body.raw_data)
    undated = [r for r in rows if "khong-ngay" in r["old_url"]]
    assert [r["status"] for r in undated] == ["failed"] and "HTTP 404" in undated[0]["reason"]
    assert Redirect.objects.filter(old_path="/tin-tuc/giam-sat-dau-tu-cong.html").exists()
    assert any("LoaImporter" in agent for _, agent in portal.requests)

    again = tmp_path / "again.csv"
    call_command("import", "feed", f"{portal.base}/atom.xml", "--report", str(again), "--no-backfill")
    statuses = {r["status"] for r in rows_of(again)}
    assert statuses <= {"skipped", "failed"} and ArticlePage.objects.count() == 5


def test_huge_feed_is_refused_whole(home, portal, tmp_path, settings):
    settings.IMPORTER_MAX_FEED_MB = 0.001
    with pytest.raises(CommandError, match="quá lớn"):
        call_command("import", "feed", f"{portal.base}/atom.xml", "--report", str(tmp_path / "r.csv"), "--no-backfill")
    assert ArticlePage.objects.count() == 0


@pytest.mark.django_db
def test_no_home_page_is_a_clear_error(portal, tmp_path):
    with pytest.raises(CommandError, match="chưa có Trang chủ"):
        call_command("import", "feed", f"{portal.base}/atom.xml", "--report", str(tmp_path / "r.csv"))


def test_broken_feed_is_a_clear_error(home, portal, tmp_path):
    with pytest.raises(CommandError, match="nguồn tin hỏng"):
        call_command("import", "feed", f"{portal.base}/hong.xml", "--report", str(tmp_path / "r.csv"), "--no-backfill")
    assert ArticlePage.objects.count() == 0


def test_site_crawl_sitemap_tcvn3_and_bad_pages(home, portal, tmp_path, settings):
    settings.IMPORTER_MAX_PAGE_MB = 1
    mapping = tmp_path / "map.toml"
    mapping.write_text('[selectors]\ntitle = "h1.tieu-de"\ndate = ".ngay-dang"\nbody = "div.noi-dung"\n'
                       'category = ".chuyen-muc"\n[defaults]\ncategory = "Tin cũ"\n', encoding="utf-8")
    report = tmp_path / "site.csv"
    call_command("import", "site", f"{portal.base}/", "--mapping", str(mapping), "--report", str(report),
                 "--no-backfill")
    rows = {r["old_url"].replace(portal.base, ""): r for r in rows_of(report)}
    assert ArticlePage.objects.count() == 6
    old = ArticlePage.objects.get(title="Hội đồng nhân dân tỉnh tổng kết công tác năm")
    assert old.date.year == 2009 and "Thường trực Hội đồng nhân dân tỉnh" in old.plain_text()
    assert "TCVN3" in rows["/tin-tuc/tcvn3.html"]["notes"]
    assert old.get_parent().title == "Tin cũ"
    assert "quá lớn" in rows["/qua-lon/1.html"]["reason"]
    assert "ra ngoài máy chủ" in rows["/chuyen-di/1"]["reason"]
    notice = DocumentPage.objects.get(number="45/TB-HĐND")  # nothing in the link text: all from the file
    assert (notice.doc_type.name, notice.issued_date.isoformat()) == ("Thông báo", "2024-10-30")
    assert notice.title == "Thông báo kết luận giao ban" and notice.live
    meeting = ArticlePage.objects.get(title="Thường trực HĐND tỉnh họp giao ban tháng 10")
    assert f'linktype="page" id="{notice.pk}"' in str(meeting.body.raw_data)
    document_id = notice.attachments.get().document_id
    assert ExtractedText.objects.get(document_id=document_id).state == "pending"  # then read aloud, as any document
    assert DBTaskResult.objects.filter(task_path__endswith="extract_document_text").exists()
    assert Redirect.objects.filter(old_path="/files/thong-bao-ket-luan.docx", redirect_page=notice).exists()
    styled = ArticlePage.objects.get(title="Khai mạc Kỳ họp thứ 19 HĐND tỉnh khóa X")
    assert styled.get_parent().title == "Kỳ họp" and "color:red" not in str(styled.body.raw_data)
    assert [b.block_type for b in styled.body].count("image") == 1


def test_crawl_without_sitemap_stays_bounded(home, portal, tmp_path, settings):
    (tmp_path / "empty").mkdir()
    settings.IMPORTER_MAX_QUERY_VARIANTS = 5
    report = tmp_path / "crawl.csv"
    # the calendar is endless: the variant budget and the page limit end the crawl
    call_command("import", "site", f"{portal.base}/lich/1", "--report", str(report), "--no-backfill",
                 "--max-pages", "40")
    calendar = [p for p, _ in portal.requests if p.startswith("/lich/")]
    assert len(calendar) <= 6
    assert not any(p.startswith("/rieng-tu/") for p, _ in portal.requests)


def test_client_caps_concurrency_spaces_requests_and_stays_on_its_host(portal):
    from concurrent.futures import ThreadPoolExecutor

    from loa.importer.http import FetchError, PoliteClient

    client = PoliteClient({portal.host}, delay=0.1, concurrency=2)
    try:
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda n: client.get(f"{portal.base}/cham/{n}"), range(6)))
        assert portal.httpd.max_in_flight == 2  # six callers, two requests at a time
        assert time.monotonic() - started >= 0.5  # and each start at least `delay` after the previous one
        with pytest.raises(FetchError, match="máy chủ không được phép"):
            client.get("http://127.0.0.2:9/")
        with pytest.raises(FetchError, match="robots.txt"):
            client.get(f"{portal.base}/rieng-tu/a.html")
    finally:
        client.close()
