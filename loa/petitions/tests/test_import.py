"""XLSX/CSV import: a real workbook made here, bad rows reported by number, nothing half-imported."""
from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from loa.petitions.importer import ImportFileError, check_rows, import_rows, read_table
from loa.petitions.models import PetitionPage
from loa.petitions.status import Status

pytestmark = pytest.mark.django_db

HEADINGS = ["STT", "Số hiệu", "Tiêu đề", "Nội dung", "Lĩnh vực", "Địa bàn", "Cơ quan trả lời", "Kỳ họp", "Số ý kiến",
            "Ngày tiếp nhận", "Hạn trả lời", "Trạng thái", "Ngày trạng thái"]
GOOD = [
    [1, "KN-25-101", "Sửa cầu Bà Chín", "Cầu yếu, xe tải qua lại nguy hiểm.", "Giao thông", "Xã Tân Phú",
     "Sở Giao thông vận tải", "Kỳ họp thứ 25", 4, datetime(2025, 6, 20), "20/08/2025", "", ""],
    [2, "KN-25-102", "Thiếu thuốc ở trạm y tế", "Trạm y tế thiếu thuốc huyết áp.", "y te", "xa binh minh",
     "yte", "", "", "2025-06-21", datetime(2025, 8, 21), "Đã trả lời", "30/07/2025"],
]


def workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["BẢNG TỔNG HỢP KIẾN NGHỊ CỬ TRI TRƯỚC KỲ HỌP THỨ 25"])
    sheet.append([])
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_headings_are_found_under_a_title_row_and_matched_without_diacritics(lookups):
    rows = read_table(workbook(GOOD), "bang.xlsx")
    assert [number for number, _ in rows] == [4, 5]  # the sheet's own row numbers
    assert rows[0][1]["code"] == "KN-25-101" and rows[0][1]["received_on"] == "2025-06-20"


def plain_workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_good_workbook_imports_every_row_with_its_status(index, lookups, session):
    rows = read_table(plain_workbook(GOOD), "bang-tong-hop.xlsx")
    assert [number for number, _ in rows] == [2, 3]
    assert all(not row.errors for row in check_rows(rows))
    created = import_rows(index, rows)
    assert [p.code for p in created] == ["KN-25-101", "KN-25-102"]
    first, second = (PetitionPage.objects.get(pk=p.pk) for p in created)
    assert first.live and first.session == session and first.opinion_count == 4
    assert first.received_on == date(2025, 6, 20) and first.deadline == date(2025, 8, 20)
    assert first.status == Status.RECEIVED
    assert second.agency.slug == "yte" and second.locality.slug == "binh-minh" and second.topic.slug == "y-te"
    assert [(s.status, s.date) for s in second.history()] == [(Status.RECEIVED, date(2025, 6, 21)),
                                                             (Status.ANSWERED, date(2025, 7, 30))]


def test_bad_rows_are_reported_by_number_and_nothing_is_imported(index, lookups, session):
    bad = GOOD + [
        [3, "KN-25-101", "Trùng số hiệu", "Nội dung.", "Giao thông", "Xã Tân Phú", "Sở Giao thông vận tải", "", 1,
         "22/06/2025", "", "", ""],
        [4, "", "", "Thiếu tiêu đề.", "Thủy sản", "Xã Tân Phú", "Sở Ngoại giao", "Kỳ họp thứ 99", "nhiều",
         "31/02/2025", "", "Đã xong", ""],
        [5, "", "Hạn trước ngày nhận", "Nội dung.", "Giao thông", "Xã Tân Phú", "gtvt", "", 1, "10/07/2025",
         "01/07/2025", "Đã giải quyết", ""],
    ]
    rows = read_table(plain_workbook(bad), "bang.xlsx")
    checked = {row.number: row.errors for row in check_rows(rows)}
    assert checked[2] == [] and checked[3] == []
    assert checked[4] == ["Số hiệu “KN-25-101” trùng với dòng 2."]
    errors = " ".join(checked[5])
    for expected in ("Thiếu “Tiêu đề”.", "Lĩnh vực “Thủy sản” không có trong danh mục.",
                     "Cơ quan trả lời “Sở Ngoại giao” không có trong danh mục.", "Ngày tiếp nhận “31/02/2025” không phải ngày",
                     "Số ý kiến “nhiều” phải là số nguyên dương.", "Kỳ họp “Kỳ họp thứ 99” không có trên cổng.",
                     "Trạng thái “Đã xong” không hợp lệ."):
        assert expected in errors
    assert "Hạn trả lời trước ngày tiếp nhận." in checked[6] and "Cần “Ngày trạng thái”" in " ".join(checked[6])
    with pytest.raises(ValidationError) as error:
        import_rows(index, rows)
    assert "Dòng 4:" in str(error.value) and "Dòng 2:" not in str(error.value)
    assert PetitionPage.objects.count() == 0


def test_a_failure_midway_leaves_nothing_behind(index, lookups):
    rows = read_table(plain_workbook(GOOD), "bang.xlsx")
    # The second row's answer date is before its received date once the rows are checked at import time,
    # but here the failure comes from the database: a title longer than the column.
    rows[1][1]["title"] = "x" * 300
    with pytest.raises(ValidationError):
        import_rows(index, rows)
    assert PetitionPage.objects.count() == 0


def test_csv_with_semicolons_and_a_bom(index, lookups):
    text = "\ufeffSố hiệu;Tiêu đề;Nội dung;Lĩnh vực;Địa bàn;Cơ quan trả lời;Ngày tiếp nhận;Hạn trả lời\n" \
           "KN-1;Sửa đèn;Đèn hỏng.;Giao thông;Xã Tân Phú;gtvt;01/07/2025;01/09/2025\n"
    rows = read_table(text.encode("utf-8"), "bang.csv")
    assert rows == [(2, {"code": "KN-1", "title": "Sửa đèn", "content": "Đèn hỏng.", "topic": "Giao thông",
                         "locality": "Xã Tân Phú", "agency": "gtvt", "received_on": "01/07/2025",
                         "deadline": "01/09/2025"})]
    assert len(import_rows(index, rows)) == 1


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"PK\x03\x04 not really", "bang.xlsx", "Không đọc được tệp Excel"),
    (b"a,b\n1,2\n", "bang.csv", "thiếu cột"),
    (b"\xff\xfe\x00", "bang.csv", "UTF-8"),
    (b"anything", "bang.xls", "Chỉ nhận tệp .xlsx hoặc .csv"),
])
def test_unreadable_files_get_a_clear_error(data, name, message):
    with pytest.raises(ImportFileError, match=message):
        read_table(data, name)


def test_the_admin_previews_then_imports(client, index, lookups, session):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.vn", "mat-khau-dai-2025")
    client.force_login(admin)
    upload = SimpleUploadedFile("bang.xlsx", plain_workbook(GOOD))
    html = client.post("/admin/petitions_import/", {"file": upload}).content.decode()
    assert "Xem trước: bang.xlsx (2 dòng)" in html and "Nhập 2 kiến nghị" in html
    assert PetitionPage.objects.count() == 0
    token = html.split('name="token" value="')[1].split('"')[0]
    response = client.post("/admin/petitions_import/", {"token": token, "confirm": "1"}, follow=True)
    assert "Đã nhập 2 kiến nghị từ bang.xlsx." in response.content.decode()
    assert PetitionPage.objects.live().count() == 2
    bad = SimpleUploadedFile("bang.xlsx", plain_workbook([GOOD[0], [*GOOD[1][:5], "Xã Không Có", *GOOD[1][6:]]]))
    html = client.post("/admin/petitions_import/", {"file": bad}).content.decode()
    assert "2 dòng có lỗi" in html and "Nhập 2 kiến nghị" not in html
    assert "Số hiệu “KN-25-101” đã có trên cổng." in html and "Địa bàn “Xã Không Có” không có trong danh mục." in html
    assert PetitionPage.objects.count() == 2
