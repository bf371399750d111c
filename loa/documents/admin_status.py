"""What the admin shows about a document's files: extraction state, pages, characters, errors, downloads."""
from __future__ import annotations

from dataclasses import dataclass

from .models import DocumentPage, ExtractedText, ExtractionState, download_totals


@dataclass(frozen=True)
class FileRow:
    title: str
    url: str
    read_aloud: bool
    state: str
    state_label: str
    detail: str
    error: str
    downloads: int


def describe(text: ExtractedText | None) -> tuple[str, str, str]:
    """(state, label, detail) of one file's text."""
    if text is None:
        return ExtractionState.PENDING, ExtractionState.PENDING.label, "Sẽ trích xuất khi văn bản được xuất bản."
    state = ExtractionState(text.state)
    detail = ""
    if state == ExtractionState.READY:
        pages = f"{text.pages_read}/{text.page_count} trang, " if text.page_count else ""
        detail = f"{pages}{text.char_count:,} ký tự".replace(",", ".")
        if text.truncated:
            detail += " – đã cắt theo giới hạn (DOCUMENTS_EXTRACT_MAX_PAGES / DOCUMENTS_EXTRACT_MAX_CHARS)"
    elif state == ExtractionState.SCANNED:
        detail = f"{text.page_count} trang ảnh: trang chỉ đọc thông tin văn bản."
    return state, state.label, detail


def file_rows(page: DocumentPage) -> list[FileRow]:
    attachments = list(page.attachments.all().select_related("document"))
    ids = [a.document_id for a in attachments if a.document_id]
    texts = {t.document_id: t for t in ExtractedText.objects.filter(document_id__in=ids)}
    totals = download_totals(ids)
    rows = []
    for attachment in attachments:
        if not attachment.document_id:
            continue
        text = texts.get(attachment.document_id)
        state, label, detail = describe(text) if attachment.read_aloud else ("", "Không đọc", "")
        rows.append(FileRow(
            attachment.document.title, attachment.document.url, attachment.read_aloud, state, label, detail,
            text.error if text and attachment.read_aloud else "", totals.get(attachment.document_id, 0),
        ))
    return rows


def page_state_label(page: DocumentPage) -> str:
    """One word for the listing: the least finished state of the page's read files."""
    rows = [row for row in file_rows(page) if row.read_aloud]
    if not rows:
        return "Không có tệp đọc"
    order = [ExtractionState.FAILED, ExtractionState.RUNNING, ExtractionState.PENDING, ExtractionState.SCANNED,
             ExtractionState.UNSUPPORTED, ExtractionState.READY]
    worst = min(rows, key=lambda row: order.index(row.state) if row.state in order else 0)
    return worst.state_label
