"""Text extraction from real files: generated PDFs with a Vietnamese text layer, DOCX, scans, corrupt files, limits."""
from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

from loa.documents.demo.pdfgen import docx_bytes, long_pdf_bytes, pdf_bytes, scanned_pdf_bytes
from loa.documents.extraction import ExtractionLimits, TextBlock, extract_file, extract_isolated
from loa.documents.extraction.structure import blocks_from_lines, clean_line

RESOLUTION = [
    "# NGHỊ QUYẾT",
    "# Về dự toán ngân sách địa phương năm 2025",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "# QUYẾT NGHỊ:",
    "## Chương II",
    "## Điều 1. Dự toán thu ngân sách nhà nước năm 2025",
    "1. Tổng thu ngân sách nhà nước trên địa bàn là 12.345 tỷ đồng, trong đó thu nội địa 10.200 tỷ đồng, "
    "thu từ hoạt động xuất nhập khẩu 2.145 tỷ đồng, bảo đảm cân đối nguồn chi thường xuyên và chi đầu tư phát triển.",
    "a) Thu nội địa: 10.200 tỷ đồng;",
    "b) Thu từ hoạt động xuất nhập khẩu: 2.145 tỷ đồng.",
    "## Điều 2. Tổ chức thực hiện",
    "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2025.",
]
LIMITS = ExtractionLimits()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def resolution_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    return write(folder, "nq.pdf", pdf_bytes(("HỘI ĐỒNG NHÂN DÂN\nTỈNH MẪU", "Số: 25/2024/NQ-HĐND"), RESOLUTION))


def texts(blocks: list[TextBlock]) -> list[str]:
    return [block.text for block in blocks]


def test_pdf_text_is_extracted_with_its_structure(resolution_pdf):
    result = extract_file(resolution_pdf, LIMITS)
    assert result.status == "ok" and result.page_count == 1 and not result.truncated
    kinds = {block.text: block.kind for block in result.blocks}
    assert kinds["Chương II"] == "heading"
    assert kinds["Điều 1. Dự toán thu ngân sách nhà nước năm 2025"] == "heading"
    assert kinds["QUYẾT NGHỊ:"] == "heading"
    assert kinds["a) Thu nội địa: 10.200 tỷ đồng;"] == "item"
    # The long clause wrapped over several lines in the PDF: it comes back as one block, numbered as written.
    assert RESOLUTION[6] in kinds and kinds[RESOLUTION[6]] == "item"
    assert RESOLUTION[-1] in kinds
    # Order is kept, and every character is NFC (PDF text is often decomposed).
    order = texts(result.blocks)
    assert order.index("Điều 1. Dự toán thu ngân sách nhà nước năm 2025") < order.index("Điều 2. Tổ chức thực hiện")
    assert all(unicodedata.is_normalized("NFC", text) for text in order)
    assert "Trang 1" not in order  # the page footer is dropped


def test_isolated_extraction_gives_the_same_text(resolution_pdf):
    here, there = extract_file(resolution_pdf, LIMITS), extract_isolated(resolution_pdf, LIMITS)
    assert there.status == "ok" and texts(there.blocks) == texts(here.blocks)
    assert 0 < there.peak_rss_kb < 200_000


def test_scanned_pdf_has_no_text_layer(tmp_path):
    result = extract_isolated(write(tmp_path, "scan.pdf", scanned_pdf_bytes()), LIMITS)
    assert result.status == "scanned" and result.blocks == [] and result.pages_read == 1 and not result.error


@pytest.mark.parametrize("data", [
    b"",
    b"%PDF-1.7\n" + b"\x00garbage\xff" * 500,
    b"<html><body>not a pdf</body></html>",
], ids=["empty", "garbage", "html"])
def test_corrupt_pdfs_fail_with_a_clear_message(tmp_path, data):
    result = extract_isolated(write(tmp_path, "bad.pdf", data), LIMITS)
    assert result.status == "failed" and result.blocks == []
    assert "PDF" in result.error and "hỏng" in result.error


def test_truncated_pdf_fails_or_keeps_what_it_could_read(tmp_path, resolution_pdf):
    data = resolution_pdf.read_bytes()
    result = extract_isolated(write(tmp_path, "cut.pdf", data[: len(data) // 2]), LIMITS)
    assert result.status in ("failed", "ok", "scanned")
    assert result.status != "failed" or "PDF" in result.error


def test_password_protected_pdf_is_reported(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "secret")
    result = extract_isolated(write(tmp_path, "locked.pdf", bytes(pdf.output())), LIMITS)
    assert result.status == "failed" and "mật khẩu" in result.error


def test_docx_paragraphs_and_heading_styles(tmp_path):
    path = write(tmp_path, "tb.docx", docx_bytes("Thông báo", RESOLUTION))
    result = extract_isolated(path, LIMITS)
    assert result.status == "ok"
    by_text = {block.text: block.kind for block in result.blocks}
    assert by_text["Điều 1. Dự toán thu ngân sách nhà nước năm 2025"] == "heading"
    assert by_text["b) Thu từ hoạt động xuất nhập khẩu: 2.145 tỷ đồng."] == "item"
    assert by_text[RESOLUTION[-1]] == "paragraph"


def test_corrupt_and_oversized_docx(tmp_path):
    assert "DOCX" in extract_isolated(write(tmp_path, "bad.docx", b"PK\x03\x04 broken"), LIMITS).error
    # A body that unpacks far beyond what would be read (a zip bomb) is refused before parsing.
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>")
    result = extract_isolated(bomb, ExtractionLimits(max_chars=100_000))
    assert result.status == "failed" and "quá lớn" in result.error


def test_other_file_types_are_not_read(tmp_path):
    assert extract_isolated(write(tmp_path, "bang.xlsx", b"PK"), LIMITS).status == "unsupported"


def test_file_size_limit(tmp_path, resolution_pdf):
    result = extract_isolated(resolution_pdf, ExtractionLimits(max_bytes=1000))
    assert result.status == "failed" and "giới hạn" in result.error


def test_page_and_character_limits_cut_the_text(tmp_path):
    path = write(tmp_path, "dai.pdf", long_pdf_bytes(30, RESOLUTION[6:9]))
    by_pages = extract_isolated(path, ExtractionLimits(max_pages=5))
    assert by_pages.status == "ok" and by_pages.truncated and by_pages.pages_read == 5 and by_pages.page_count == 30
    assert any(t.startswith("Điều 5.") for t in texts(by_pages.blocks))
    assert not any(t.startswith("Điều 6.") for t in texts(by_pages.blocks))
    by_chars = extract_isolated(path, ExtractionLimits(max_chars=2000))
    assert by_chars.truncated and by_chars.char_count <= 2000


def test_a_child_that_runs_out_of_time_or_memory_fails_cleanly(resolution_pdf):
    slow = extract_isolated(resolution_pdf, ExtractionLimits(timeout=0.001))
    assert slow.status == "failed" and "thời gian" in slow.error
    starved = extract_isolated(resolution_pdf, ExtractionLimits(memory_mb=8))
    assert starved.status == "failed" and starved.error


def test_200_page_pdf_stays_within_a_memory_bound(tmp_path):
    """The acceptance figure: a 200-page PDF read whole in the child stays under 120 MB resident (measured ~35 MB)."""
    lines = RESOLUTION[6:] * 3
    path = write(tmp_path, "200.pdf", long_pdf_bytes(200, lines))
    whole = extract_isolated(path, ExtractionLimits(max_pages=200, max_chars=10**7))
    assert whole.status == "ok" and whole.pages_read == 200 and not whole.truncated
    first = extract_isolated(path, ExtractionLimits(max_pages=10, max_chars=10**7))
    print(f"\n200-page PDF ({path.stat().st_size // 1024} KB, {whole.char_count:,} chars): peak RSS "
          f"{whole.peak_rss_kb / 1024:.1f} MB reading all pages, {first.peak_rss_kb / 1024:.1f} MB reading 10")
    assert whole.peak_rss_kb < 120 * 1024
    # Page by page: reading 20 times more pages costs far less than 20 times the memory.
    assert whole.peak_rss_kb < 2 * first.peak_rss_kb
    default = extract_isolated(path, LIMITS)
    assert default.truncated and default.pages_read == LIMITS.max_pages


def test_line_structure_rules():
    lines = ["HỘI ĐỒNG NHÂN DÂN", "Chương IV", "QUY ĐỊNH CHUNG", "Điều 12. Phạm vi điều chỉnh và đối tượng áp dụng của",
             "quy định này", "Nghị quyết này quy định chính sách hỗ trợ đối với người cao tuổi, người khuyết tật khi sử dụng",
             "dịch vụ công trực tuyến.", "- Đối tượng thứ nhất;", "+ Ý con;", "2.1. Khoản con;", "12", "Trang 3/9", "***"]
    blocks = list(blocks_from_lines(lines))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "HỘI ĐỒNG NHÂN DÂN"),
        ("heading", "Chương IV"),
        ("heading", "QUY ĐỊNH CHUNG"),
        ("heading", "Điều 12. Phạm vi điều chỉnh và đối tượng áp dụng của quy định này"),
        ("paragraph", "Nghị quyết này quy định chính sách hỗ trợ đối với người cao tuổi, người khuyết tật khi sử dụng "
                      "dịch vụ công trực tuyến."),
        ("item", "- Đối tượng thứ nhất;"),
        ("item", "+ Ý con;"),
        ("item", "2.1. Khoản con;"),
    ]


def test_clean_line_repairs_what_pdfs_produce():
    decomposed = unicodedata.normalize("NFD", "Nghị quyết")
    assert clean_line(f"  {decomposed}\u00a0\u00a0số\x00 \ufb01le\ud800 ") == "Nghị quyết số file?"
