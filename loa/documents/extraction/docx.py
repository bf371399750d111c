"""DOCX text with python-docx: paragraphs in order, headings from their styles, tables left out."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .result import STATUS_OK, Extraction, ExtractionLimits, TextBlock, failed
from .structure import clean_line, kind_of

# The unpacked document body may be at most this many times the limit on characters kept
# (XML markup is verbose); a larger one is a zip bomb or far more than would be read.
XML_BYTES_PER_CHAR = 200


def extract_docx(path: Path, limits: ExtractionLimits) -> Extraction:
    try:
        with zipfile.ZipFile(path) as archive:
            body = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return failed("Tệp DOCX bị hỏng hoặc không đúng định dạng.")
    if body.file_size > limits.max_chars * XML_BYTES_PER_CHAR:
        return failed("Nội dung tệp DOCX quá lớn để đọc.")

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        paragraphs = list(document.paragraphs)
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile, SyntaxError) as exc:
        return failed(f"Tệp DOCX bị hỏng hoặc không đúng định dạng ({type(exc).__name__}).")
    except Exception as exc:  # noqa: BLE001  lxml raises its own XMLSyntaxError family
        return failed(f"Tệp DOCX bị hỏng hoặc không đúng định dạng ({type(exc).__name__}).")

    blocks: list[TextBlock] = []
    chars = 0
    truncated = False
    for paragraph in paragraphs:
        text = clean_line(paragraph.text.replace("\n", " "))
        if not text or not any(ch.isalnum() for ch in text):
            continue
        if chars + len(text) > limits.max_chars:
            truncated = True
            break
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        kind = "heading" if style.startswith(("Heading", "Title")) else kind_of(text)
        blocks.append(TextBlock(kind, text))
        chars += len(text)
    return Extraction(STATUS_OK, blocks, truncated=truncated)
