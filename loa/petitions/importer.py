"""Bulk import of the petition tables offices keep in Excel (XLSX, or CSV), checked row by row.

A file is read whole, every row checked, and the rows are shown before anything is saved. Only a
file without a single bad row can be imported, all its rows in one transaction: nothing is ever
half-imported. Headings are matched without diacritics or case ("Hạn trả lời" = "han tra loi").
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from loa.core.text import fold

from .lookups import Agency, Locality, PetitionTopic
from .status import RANK, Status, local_today

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
COLUMNS = {
    "so hieu": "code", "tieu de": "title", "noi dung": "content", "linh vuc": "topic", "dia ban": "locality",
    "co quan tra loi": "agency", "ky hop": "session", "so y kien": "opinion_count", "ngay tiep nhan": "received_on",
    "ngay chuyen": "forwarded_on", "han tra loi": "deadline", "trang thai": "status", "ngay trang thai": "status_date",
    "tra loi": "answer",
}
REQUIRED = ("title", "content", "topic", "locality", "agency", "received_on")
HEADINGS = {value: key for key, value in COLUMNS.items()}
LABELS = {"code": "Số hiệu", "title": "Tiêu đề", "content": "Nội dung", "topic": "Lĩnh vực", "locality": "Địa bàn",
          "agency": "Cơ quan trả lời", "session": "Kỳ họp", "opinion_count": "Số ý kiến",
          "received_on": "Ngày tiếp nhận", "forwarded_on": "Ngày chuyển", "deadline": "Hạn trả lời",
          "status": "Trạng thái", "status_date": "Ngày trạng thái", "answer": "Trả lời"}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, size, headings)."""


@dataclass
class CheckedRow:
    number: int  # the row's number in the spreadsheet, as the office sees it
    raw: dict[str, str]
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    """(row number, {field: text}) for every non-empty row under the heading row."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"Tệp quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB).")
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif name.endswith(".csv"):
        rows = _csv_rows(data)
    else:
        raise ImportFileError("Chỉ nhận tệp .xlsx hoặc .csv.")
    numbered = [(n, [_cell(v) for v in row]) for n, row in rows]
    numbered = [(n, row) for n, row in numbered if any(row)]
    if not numbered:
        raise ImportFileError("Tệp không có dữ liệu.")
    # Offices put a title above the table: the heading row is the first (of ten) naming every required column.
    best: tuple[int, int, list] = (-1, 0, [])
    for position, (_number, cells) in enumerate(numbered[:10]):
        fields = [COLUMNS.get(fold(cell)) for cell in cells]
        found = sum(f in fields for f in REQUIRED)
        if found > best[0]:
            best = (found, position, fields)
        if found == len(REQUIRED):
            break
    _, position, fields = best
    missing = [LABELS[f] for f in REQUIRED if f not in fields]
    if missing:
        raise ImportFileError(f"Không tìm thấy dòng tiêu đề cột; thiếu cột: {', '.join(missing)}.")
    body = numbered[position + 1:]
    if len(body) > MAX_ROWS:
        raise ImportFileError(f"Tệp có {len(body)} dòng; mỗi lần nhập tối đa {MAX_ROWS} dòng.")
    return [(n, {f: (row[i] if i < len(row) else "") for i, f in enumerate(fields) if f}) for n, row in body]


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError("Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng.") from exc
    sheet = book.worksheets[0]
    rows = [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    book.close()
    return rows


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError("Tệp CSV phải mã hóa UTF-8 (Excel: Lưu thành “CSV UTF-8”).") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1))


def parse_date(text: str) -> date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _status_lookup() -> dict[str, str]:
    found = {}
    for value, label in Status.choices:
        found[fold(label)] = value
        found[value] = value
    return found


def _session_lookup() -> dict[str, object]:
    from loa.council_sessions.models import SessionPage

    found: dict[str, object] = {}
    for session in SessionPage.objects.select_related("term").order_by("term__number", "start_date"):
        found[fold(session.title)] = session
        found[session.slug] = session
        found[str(session.number)] = session  # the newest term's wins: later rows overwrite
        found[f"ky hop thu {session.number}"] = session
    return found


def check_rows(rows: list[tuple[int, dict[str, str]]], existing_codes: set[str] | None = None) -> list[CheckedRow]:
    """Every row with its cleaned values or its errors (in Vietnamese, naming the column)."""
    from .pages import PetitionPage

    lookups = {"topic": PetitionTopic.by_folded_name(), "locality": Locality.by_folded_name(),
               "agency": Agency.by_folded_name()}
    statuses, sessions = _status_lookup(), _session_lookup()
    if existing_codes is None:
        existing_codes = {fold(c) for c in PetitionPage.objects.exclude(code="").values_list("code", flat=True)}
    seen_codes: dict[str, int] = {}
    today = local_today()
    checked = []
    for number, raw in rows:
        row = CheckedRow(number, raw)
        for name in REQUIRED:
            if not raw.get(name):
                row.errors.append(f"Thiếu “{LABELS[name]}”.")
        for name, table in lookups.items():
            text = raw.get(name, "")
            if text:
                match = table.get(fold(text)) or table.get(text.strip())
                if match is None:
                    row.errors.append(f"{LABELS[name]} “{text}” không có trong danh mục.")
                else:
                    row.values[f"{name}_id"] = match.pk
        for name in ("received_on", "forwarded_on", "deadline", "status_date"):
            text = raw.get(name, "")
            if text:
                try:
                    row.values[name] = parse_date(text)
                except ValueError:
                    row.errors.append(f"{LABELS[name]} “{text}” không phải ngày (dd/mm/yyyy).")
        values = row.values
        received = values.get("received_on")
        if received and received > today:
            row.errors.append("Ngày tiếp nhận sau hôm nay.")
        for name in ("forwarded_on", "deadline", "status_date"):
            if received and values.get(name) and values[name] < received:
                row.errors.append(f"{LABELS[name]} trước ngày tiếp nhận.")
        code = raw.get("code", "").strip()
        if code:
            if fold(code) in existing_codes:
                row.errors.append(f"Số hiệu “{code}” đã có trên cổng.")
            elif fold(code) in seen_codes:
                row.errors.append(f"Số hiệu “{code}” trùng với dòng {seen_codes[fold(code)]}.")
            seen_codes.setdefault(fold(code), number)
            values["code"] = code[:40]
        for name, limit in (("title", 255), ("content", 6000), ("answer", 6000)):
            if len(raw.get(name, "")) > limit:
                row.errors.append(f"{LABELS[name]} dài quá {limit} ký tự.")
            values[name] = raw.get(name, "").strip()
        count = raw.get("opinion_count", "").strip() or "1"
        if count.isdigit() and 0 < int(count) < 100000:
            values["opinion_count"] = int(count)
        else:
            row.errors.append(f"Số ý kiến “{count}” phải là số nguyên dương.")
        session_text = raw.get("session", "").strip()
        if session_text:
            session = sessions.get(fold(session_text)) or sessions.get(session_text)
            if session is None:
                row.errors.append(f"Kỳ họp “{session_text}” không có trên cổng.")
            else:
                values["session_id"] = session.pk
        status_text = raw.get("status", "").strip()
        if status_text:
            status = statuses.get(fold(status_text))
            if status is None:
                row.errors.append(f"Trạng thái “{status_text}” không hợp lệ.")
            else:
                values["status"] = status
                if status != Status.RECEIVED and not values.get("status_date"):
                    row.errors.append("Cần “Ngày trạng thái” khi trạng thái khác “Tiếp nhận”.")
                if values.get("status_date") and values["status_date"] > today:
                    row.errors.append("Ngày trạng thái sau hôm nay.")
        checked.append(row)
    return checked


def to_session(rows: list[tuple[int, dict[str, str]]]) -> list:
    """What the preview keeps until "Nhập" (the raw cells: they are checked again then)."""
    return [[number, raw] for number, raw in rows]


def from_session(stored: list) -> list[tuple[int, dict[str, str]]]:
    return [(int(number), {str(k): str(v) for k, v in raw.items()}) for number, raw in stored]


@transaction.atomic
def import_rows(index, rows: list[tuple[int, dict[str, str]]], user=None) -> list:
    """Create and publish a petition per row, or nothing at all (ValidationError naming the bad rows)."""
    from .pages import PetitionPage, unique_slug
    from .status import record_status

    checked = check_rows(rows)
    bad = [row for row in checked if row.errors]
    if bad:
        raise ValidationError([f"Dòng {row.number}: {' '.join(row.errors)}" for row in bad])
    created = []
    for row in checked:
        values = dict(row.values)
        status, status_date = values.pop("status", Status.RECEIVED), values.pop("status_date", None)
        answer = values.pop("answer", "")
        page = PetitionPage(**values, answer=_answer_html(answer),
                            slug=unique_slug(index, values.get("code") or values["title"]))
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True).publish(user=user)
        if RANK[Status(status)] > RANK[Status.RECEIVED]:
            record_status(page, status, status_date, "Nhập từ bảng tổng hợp.", user)
        created.append(page)
    return created


def _answer_html(text: str) -> str:
    from loa.core.text import paragraphs_html

    return str(paragraphs_html(text))
