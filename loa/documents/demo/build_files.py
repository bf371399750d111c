"""Write the demo documents' files into files/ (committed, so loading the demo stays fast):

    .venv/bin/python -m loa.documents.demo.build_files

Run it after changing content.py; loa/documents/tests/test_demo.py checks that the files hold that text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import content
from .pdfgen import docx_bytes, pdf_bytes, scanned_pdf_bytes

FILES_DIR = Path(__file__).resolve().parent / "files"


def file_base(doc: content.DemoDocument) -> str:
    return doc.number.replace("/", "-").replace("Đ", "D").replace("đ", "d")


def main_file(doc: content.DemoDocument) -> tuple[str, bytes]:
    """(file name, bytes) of the document's main file."""
    base = file_base(doc)
    if doc.file_format == "scan":
        return f"{base}-ban-quet.pdf", scanned_pdf_bytes(f"{doc.doc_type_name.upper()} {doc.number}")
    build = content.resolution_lines if doc.type_slug in ("nghi-quyet", "quyet-dinh") else content.letter_lines
    lines = build(doc) + content.closing_lines(doc)
    if doc.file_format == "docx":
        return f"{base}.docx", docx_bytes(doc.title, lines)
    header = (content.LETTERHEADS[doc.issuer_slug], f"Số: {doc.number}")
    return f"{base}.pdf", pdf_bytes(header, lines, title=doc.title)


def annex_file(doc: content.DemoDocument) -> tuple[str, bytes] | None:
    if not doc.annex:
        return None
    return f"{file_base(doc)}-phu-luc.docx", docx_bytes("Phụ lục", doc.annex)


def all_files() -> dict[str, bytes]:
    files = {}
    for doc in content.DOCUMENTS:
        for made in (main_file(doc), annex_file(doc)):
            if made:
                files[made[0]] = made[1]
    return files


def main() -> int:
    FILES_DIR.mkdir(exist_ok=True)
    for name, data in all_files().items():
        (FILES_DIR / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
