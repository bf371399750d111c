"""`loa import wordpress`: a 60-post WXR export with categories, images, PDFs and every kind of bad item."""
from __future__ import annotations

import csv
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from loa.documents.models import DocumentPage
from loa.importer.models import ImportedItem
from loa.infopages.models import InfoPage
from loa.pages.models import ArticlePage, CategoryPage

pytestmark = pytest.mark.django_db


def run(portal, tmp_path, *extra, name="wxr.xml"):
    source = portal.localize(name, tmp_path / name)
    report = tmp_path / f"report-{len(list(tmp_path.iterdir()))}.csv"
    call_command("import", "wordpress", str(source), "--report", str(report), "--no-backfill", *extra)
    with report.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def by_status(rows):
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(row["status"], []).append(row)
    return out


def test_wxr_import_creates_articles_categories_images_documents_and_redirects(home, portal, tmp_path, client):
    rows = by_status(run(portal, tmp_path))
    articles = ArticlePage.objects.live()
    # 60 posts + 1 with a broken image + 1 whose two attachments are broken (kept with a note)
    assert articles.count() == 62
    assert {c.title for c in CategoryPage.objects.all()} == {"Hoạt động HĐND", "Kỳ họp", "Tiếp xúc cử tri", "Giám sát"}
    reasons = {row["reason"] for row in rows["skipped"]}
    assert any("chưa đăng" in r for r in reasons) and any("trùng lặp" in r for r in reasons)
    assert any("không có tiêu đề" in r for r in reasons)

    first = ArticlePage.objects.get(title__endswith="(bài 1)")
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    assert first.date.astimezone(tz).replace(tzinfo=None) == datetime(2024, 1, 7, 8, 30)  # as written, not today
    assert first.author == "Phòng Thông tin - Văn phòng HĐND"
    assert first.get_parent().title == "Kỳ họp"
    kinds = [b.block_type for b in first.body]
    assert kinds[0] == "image" and first.body[0].value["caption"] == "Quang cảnh buổi làm việc tại Cần Giuộc."
    assert first.body[0].value["alt_text"] == "Quang cảnh buổi làm việc tại huyện Cần Giuộc"

    # six distinct pictures, whatever the number of posts and URLs that use them
    assert get_image_model().objects.count() == 6

    listed = ArticlePage.objects.get(title__endswith="(bài 2)")
    kinds = [b.block_type for b in listed.body]
    assert "heading" in kinds and "list" in kinds
    table = [b for b in listed.body if b.block_type == "list" and b.value["skip_reading"]]
    assert table and "Giải ngân – 85%" in table[0].value["items"][1].source

    scripted = ArticlePage.objects.get(title__endswith="(bài 3)")
    assert "alert" not in str(scripted.body.raw_data) and "color:red" not in str(scripted.body.raw_data)
    assert "Đoạn cuối của bài viết." in scripted.plain_text()

    documents = DocumentPage.objects.live()
    assert documents.count() == 4
    resolution = documents.get(number="25/2024/NQ-HĐND")
    assert resolution.doc_type.name == "Nghị quyết"
    assert resolution.issued_date.isoformat() == "2024-07-12"
    assert resolution.issuer.name == "Hội đồng nhân dân tỉnh"
    assert resolution.attachments.count() == 1
    linking = ArticlePage.objects.get(title__endswith="(bài 4)")
    assert f'linktype="page" id="{resolution.pk}"' in str(linking.body.raw_data)

    about = InfoPage.objects.get(title="Chức năng, nhiệm vụ của HĐND tỉnh")  # a WordPress page: an info page
    assert about.live and about.body[0].block_type == "heading"
    assert Redirect.objects.filter(old_path=f"/tin-tuc/bai-{60 + 5}.html", redirect_page=about).exists()

    broken = ArticlePage.objects.get(title="Bài có ảnh hỏng")
    assert [b.block_type for b in broken.body] == ["paragraph"]
    notes = {row["title"]: row["notes"] for row in rows["created"]}
    assert "ảnh hỏng" in notes["Bài có ảnh hỏng"]
    assert "có mật khẩu" in notes["Thông báo có tệp đính kèm lỗi"]
    assert "tệp PDF hỏng" in notes["Thông báo có tệp đính kèm lỗi"]

    unmapped = (tmp_path / "report-1-chua-chuyen-huong.csv").read_text(encoding="utf-8-sig")
    assert "/tin-tuc/bai-62.html" in unmapped and "không có tiêu đề" in unmapped  # reported, not redirected
    assert "/tin-tuc/bai-1.html" not in unmapped

    # old links: the article address and its ?p= short link
    assert Redirect.objects.filter(old_path="/tin-tuc/bai-1.html", redirect_page=first).exists()
    answer = client.get("/?p=1")
    assert answer.status_code == 301 and answer["Location"].endswith(first.url)
    answer = client.get("/tin-tuc/bai-1.html")
    assert answer.status_code == 301
    assert client.get(first.url).status_code == 200


def test_second_run_changes_nothing_and_a_changed_post_is_updated(home, portal, tmp_path):
    run(portal, tmp_path)
    pages, revisions = ArticlePage.objects.count(), sum(p.revisions.count() for p in ArticlePage.objects.all())
    rows = by_status(run(portal, tmp_path))
    assert "created" not in rows and "updated" not in rows
    assert ArticlePage.objects.count() == pages
    assert sum(p.revisions.count() for p in ArticlePage.objects.all()) == revisions

    (tmp_path / "changed.xml").write_text(
        (tmp_path / "wxr.xml").read_text(encoding="utf-8").replace("(bài 7)", "(bài 7, đã sửa)"), encoding="utf-8")
    source = portal.localize("wxr.xml", tmp_path / "wxr.xml")
    source.write_text((tmp_path / "changed.xml").read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "again.csv"
    call_command("import", "wordpress", str(source), "--report", str(report), "--no-backfill")
    rows = by_status(list(csv.DictReader(report.open(encoding="utf-8-sig"))))
    assert [r["title"].endswith("(bài 7, đã sửa)") for r in rows["updated"]] == [True]
    assert ArticlePage.objects.count() == pages


def test_a_page_edited_in_loa_is_kept_unless_the_operator_overwrites_it(home, portal, tmp_path, django_user_model):
    run(portal, tmp_path)
    editor = django_user_model.objects.create_user("bientap", password="x")
    page = ArticlePage.objects.get(title__endswith="(bài 7)")
    page.title = "Bài 7, biên tập viên đã sửa"
    page.save_revision(user=editor).publish()
    changed = portal.localize("wxr.xml", tmp_path / "changed.xml")
    changed.write_text(changed.read_text(encoding="utf-8").replace("(bài 7)", "(bài 7, nguồn đã sửa)")
                       .replace("(bài 8)", "(bài 8, nguồn đã sửa)"), encoding="utf-8")

    def again(*extra):
        report = tmp_path / f"again-{len(extra)}.csv"
        call_command("import", "wordpress", str(changed), "--report", str(report), "--no-backfill", *extra)
        return by_status(list(csv.DictReader(report.open(encoding="utf-8-sig"))))

    rows = again()
    kept = [r["title"] for r in rows["skipped"] if "đã được sửa trong Loa" in r["reason"]]
    assert len(kept) == 1 and kept[0].endswith("(bài 7, nguồn đã sửa)")
    assert [r["title"].endswith("(bài 8, nguồn đã sửa)") for r in rows["updated"]] == [True]
    page.refresh_from_db()
    assert page.title == "Bài 7, biên tập viên đã sửa"
    rows = again("--overwrite-edited")
    page.refresh_from_db()
    assert page.title.endswith("(bài 7, nguồn đã sửa)") and len(rows["updated"]) == 1


def test_dry_run_writes_nothing(home, portal, tmp_path, capsys):
    rows = by_status(run(portal, tmp_path, "--dry-run"))
    printed = capsys.readouterr().err
    assert "sẽ tạo article: HĐND tỉnh giám sát xây dựng nông thôn mới tại huyện Cần Giuộc (bài 1) → chuyên mục Kỳ họp" in printed
    assert len(rows["created"]) == 63  # 62 articles and an info page
    assert ArticlePage.objects.count() == 0 and ImportedItem.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_wordpress_rest_api_of_a_live_site(home, portal, tmp_path):
    report = tmp_path / "rest.csv"
    call_command("import", "wordpress", f"{portal.base}/", "--report", str(report), "--no-backfill")
    articles = ArticlePage.objects.order_by("date")
    assert [a.title for a in articles] == [f"Tin từ REST API số {i} – HĐND" for i in range(1, 5)]
    first = articles[0]
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    assert first.date.astimezone(tz).replace(tzinfo=None) == datetime(2025, 3, 1, 9, 15)
    assert first.author == "Ban biên tập" and first.summary == "Tóm tắt tin 1."
    assert first.cover_image is not None
    assert first.get_parent().title == "Kỳ họp"
    assert Redirect.objects.filter(old_path="/?p=501", redirect_page=first).exists()
    assert any(p.startswith("/wp-json/wp/v2/posts?") and "page=2" in p for p, _ in portal.requests)


def test_mapping_renames_categories_skips_and_makes_documents(home, portal, tmp_path):
    from loa.importer.tests.fixtures.build import wxr

    source = tmp_path / "small.xml"
    export = wxr(8, base=portal.base, with_files=False)
    source.write_text(export.replace("(bài 6)", "Nghị quyết số 07/2025/NQ-HĐND về giám sát (bài 6)"), encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text("""
[defaults]
source = "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
[categories]
"Kỳ họp" = "Kỳ họp HĐND"
"Giám sát" = ""
[pages]
skip = ["/tin-tuc/bai-5.html"]
documents = ["/tin-tuc/bai-6.html", "/tin-tuc/bai-7.html"]
""", encoding="utf-8")
    report = tmp_path / "r.csv"
    call_command("import", "wordpress", str(source), "--mapping", str(mapping), "--report", str(report), "--no-backfill")
    rows = {r["old_url"].rsplit("/", 1)[-1]: r for r in csv.DictReader(report.open(encoding="utf-8-sig"))}
    assert rows["bai-5.html"]["status"] == "skipped" and "ánh xạ" in rows["bai-5.html"]["reason"]
    assert rows["bai-6.html"]["kind"] == "document", rows["bai-6.html"]["reason"]
    resolution = DocumentPage.objects.get(number="07/2025/NQ-HĐND")
    assert resolution.doc_type.name == "Nghị quyết" and resolution.title.endswith("(bài 6)")
    assert (rows["bai-7.html"]["kind"], rows["bai-7.html"]["status"]) == ("article", "created")
    assert "nhập như tin bài" in rows["bai-7.html"]["notes"]  # no số ký hiệu: the library cannot take it
    titles = {c.title for c in CategoryPage.objects.all()}
    assert "Kỳ họp HĐND" in titles and "Kỳ họp" not in titles and "Giám sát" not in titles
    assert ArticlePage.objects.get(title__endswith="(bài 3)").get_parent().title == "Tin tức"  # "Giám sát" -> default
    assert ArticlePage.objects.get(title__endswith="(bài 1)").source == "Văn phòng Đoàn ĐBQH và HĐND tỉnh"


def test_bad_mapping_and_broken_export_are_clear_errors(home, tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.toml"
    bad.write_text("[categories\n", encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item><title>x</title>", encoding="utf-8")
    with pytest.raises(CommandError, match="TOML"):
        call_command("import", "wordpress", str(broken), "--mapping", str(bad))
    with pytest.raises(CommandError, match="WXR hỏng"):
        call_command("import", "wordpress", str(broken), "--report", str(tmp_path / "r.csv"))
    assert ArticlePage.objects.count() == 0
