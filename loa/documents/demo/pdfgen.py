"""Demo files with a real Vietnamese text layer: PDF (fpdf2 + DejaVu Sans), DOCX (python-docx), a scan.

A document is written as lines in the seed's plain-text conventions: "# " starts a
centred heading, "## " a left heading ("Điều 1. ..."), anything else is a paragraph.
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS_DIR / "DejaVuSans.ttf"
BOLD = FONTS_DIR / "DejaVuSans-Bold.ttf"
# Fixed dates keep the generated files byte for byte the same from one run to the next.
FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("DejaVu", "", str(REGULAR))
    pdf.add_font("DejaVu", "B", str(BOLD))
    pdf.set_creator("Loa (nội dung mẫu)")
    pdf.set_creation_date(FIXED_DATE)
    return pdf


def _footer(pdf) -> None:
    auto, margin = pdf.auto_page_break, pdf.b_margin
    pdf.set_auto_page_break(False)  # the footer sits in the bottom margin: no page break for it
    pdf.set_y(-14)
    pdf.set_font("DejaVu", "", 8)
    pdf.cell(0, 6, f"Trang {pdf.page_no()}", align="C")
    pdf.set_auto_page_break(auto, margin=margin)


def pdf_bytes(header: tuple[str, str], lines: Iterable[str], title: str = "") -> bytes:
    """A PDF of `lines`; `header` is the issuer (left) and the national motto (right) block."""
    pdf = _pdf()
    pdf.set_title(title)
    pdf.add_page()
    issuer, number = header
    pdf.set_font("DejaVu", "B", 10)
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    top = pdf.get_y()
    pdf.multi_cell(width, 5, issuer, align="C")
    left_end = pdf.get_y()
    pdf.set_xy(pdf.l_margin + width, top)
    pdf.multi_cell(width, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", align="C")
    pdf.set_y(max(left_end, pdf.get_y()) + 2)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(width, 5, number, align="C")
    pdf.ln(4)
    for line in lines:
        if pdf.will_page_break(12):
            _footer(pdf)
            pdf.add_page()
        if line.startswith("# "):
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 6.5, line[2:], align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif line.startswith("## "):
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, line[3:], align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif not line.strip():
            pdf.ln(3)
        else:
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(0, 6, line, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    _footer(pdf)
    return bytes(pdf.output())


def long_pdf_bytes(pages: int, lines: list[str]) -> bytes:
    """A PDF of exactly `pages` pages, each filled with `lines` (for limit and memory tests)."""
    pdf = _pdf()
    pdf.set_auto_page_break(False)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(0, 6.5, f"Điều {number}. Nội dung quy định tại trang {number}", align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for line in lines:
            if pdf.get_y() > pdf.h - 30:
                break
            pdf.multi_cell(0, 5, line, align="J", new_x="LMARGIN", new_y="NEXT")
        _footer(pdf)
    return bytes(pdf.output())


def scanned_pdf_bytes(text: str = "BẢN QUÉT") -> bytes:
    """An image-only PDF, as a scanner makes: the page is a picture of text, with no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(BOLD), 48)
    for row in range(6):
        draw.text((120, 200 + row * 160), f"{text} – dòng {row + 1}", fill=30, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = _pdf()
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def docx_bytes(title: str, lines: Iterable[str]) -> bytes:
    """A DOCX with Word's heading styles for "# " / "## " lines."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    for line in lines:
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            document.add_heading(line[3:], level=2)
        elif line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
