"""Document metadata (số ký hiệu, loại văn bản, ngày ban hành, cơ quan ban hành) read from a title and the file.

Official documents follow Nghị định 30/2020/NĐ-CP: the number reads "25/2024/NQ-HĐND" (number, year,
type code, issuer code); the first page carries the issuer in capitals top left and "…, ngày 12 tháng
7 năm 2024" top right. Whatever cannot be read is left empty for the mapping's defaults.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

NUMBER_RE = re.compile(r"\b(\d{1,5}[a-zA-Z]?(?:/\d{4})?/[A-ZĐ]{1,6}(?:-[A-ZĐ0-9]{1,12})+)\b")
DATE_WORDS_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
DATE_NUM_RE = re.compile(r"ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.I)
TYPE_NAMES = ["Nghị quyết", "Quyết định", "Kế hoạch", "Thông báo", "Báo cáo", "Tờ trình", "Chỉ thị", "Hướng dẫn",
              "Công văn", "Luật", "Nghị định", "Thông tư", "Chương trình", "Đề án", "Quy chế", "Quy định"]
TYPE_CODES = {"NQ": "Nghị quyết", "QĐ": "Quyết định", "KH": "Kế hoạch", "TB": "Thông báo", "BC": "Báo cáo",
              "TTR": "Tờ trình", "CT": "Chỉ thị", "HD": "Hướng dẫn", "NĐ": "Nghị định", "TT": "Thông tư",
              "CTR": "Chương trình", "ĐA": "Đề án", "QC": "Quy chế", "QYĐ": "Quy định"}
ISSUER_CODES = {"HĐND": "Hội đồng nhân dân tỉnh", "UBND": "Ủy ban nhân dân tỉnh", "TTHĐND": "Thường trực HĐND tỉnh",
                "VP": "Văn phòng", "CP": "Chính phủ", "TTG": "Thủ tướng Chính phủ", "QH": "Quốc hội",
                "UBTVQH": "Ủy ban Thường vụ Quốc hội"}
ISSUER_LINE_RE = re.compile(r"^(HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|THƯỜNG TRỰC HĐND|VĂN PHÒNG)\b.*$", re.M)
MAX_READ_BYTES = 50 * 1024 * 1024


@dataclass
class DocMeta:
    number: str = ""
    doc_type: str = ""
    issued: date | None = None
    issuer: str = ""
    summary: str = ""


class AttachmentError(Exception):
    """A file that cannot be imported (corrupt, password-protected, empty, not what it says)."""


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    for regex in (DATE_WORDS_RE, DATE_NUM_RE):
        match = regex.search(text or "")
        if match and (found := _date(*match.groups())):
            return found
    return None


def from_title(title: str) -> DocMeta:
    meta = DocMeta()
    title = " ".join((title or "").split())
    if match := NUMBER_RE.search(title):
        meta.number = match.group(1)
        codes = meta.number.split("/")[-1].split("-")
        meta.doc_type = TYPE_CODES.get(codes[0].upper(), "")
        meta.issuer = ISSUER_CODES.get(codes[-1].upper(), "")
    lowered = title.lower()
    for name in TYPE_NAMES:
        if lowered.startswith(name.lower()):
            meta.doc_type = name
            break
    meta.issued = find_date(title)
    if m := re.search(r"\b(về|V/v|về việc)\s+(.+)$", title, re.I):
        meta.summary = m.group(2).strip().rstrip(".")
        meta.summary = meta.summary[0].upper() + meta.summary[1:]
    else:
        meta.summary = title
    return meta


def first_page_text(data: bytes, name: str) -> str:
    """The first page's text of a PDF or DOCX; AttachmentError for a corrupt or locked file."""
    lowered = name.lower()
    if len(data) > MAX_READ_BYTES:
        raise AttachmentError("tệp quá lớn")
    if lowered.endswith(".pdf"):
        if not data.startswith(b"%PDF-"):
            raise AttachmentError("không phải tệp PDF hợp lệ")
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise AttachmentError("tệp PDF có mật khẩu")
            if not reader.pages:
                raise AttachmentError("tệp PDF không có trang nào")
            return reader.pages[0].extract_text() or ""
        except AttachmentError:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
            raise AttachmentError(f"tệp PDF hỏng ({type(exc).__name__})") from exc
    if lowered.endswith(".docx"):
        import zipfile

        from docx import Document
        try:
            document = Document(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
                raise AttachmentError("tệp DOCX có mật khẩu") from exc
            raise AttachmentError(f"tệp DOCX hỏng ({type(exc).__name__})") from exc
        return "\n".join(p.text for p in document.paragraphs[:40])
    if lowered.endswith(".doc"):
        if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise AttachmentError("không phải tệp DOC hợp lệ")
        return ""
    raise AttachmentError("loại tệp không được hỗ trợ")


def from_file_text(text: str) -> DocMeta:
    from .legacy import detect, to_unicode

    text = to_unicode(text, detect(text)) if text else ""  # a PDF typed in a TCVN3/VNI font reads as mojibake
    meta = from_title(text[:3000]) if text else DocMeta()
    meta.summary = ""
    if text:
        if match := ISSUER_LINE_RE.search(text):
            line = " ".join(match.group(0).split())
            following = text[match.end():].lstrip("\n").split("\n", 1)[0].strip()
            if following.isupper() and len(following) < 60 and "CỘNG HÒA" not in following:
                line = f"{line} {following}"
            meta.issuer = line.capitalize()
    return meta


def read_metadata(title: str, data: bytes, name: str) -> DocMeta:
    """Metadata from the title, completed from the file's first page (the title wins where both say)."""
    meta = from_title(title)
    found = from_file_text(first_page_text(data, name))
    meta.number = meta.number or found.number
    meta.doc_type = meta.doc_type or found.doc_type
    meta.issued = meta.issued or found.issued
    meta.issuer = meta.issuer or found.issuer
    return meta
