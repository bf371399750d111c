"""PDF text with pypdf, one page at a time, stopping at the page and character limits."""
from __future__ import annotations

from pathlib import Path

from .result import STATUS_OK, STATUS_SCANNED, Extraction, ExtractionLimits, TextBlock, failed
from .structure import blocks_from_lines

# Fewer letters than this per page read, on average: the pages are images (a scan).
SCANNED_CHARS_PER_PAGE = 16


def extract_pdf(path: Path, limits: ExtractionLimits) -> Extraction:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return failed("Tệp PDF được mã hóa bằng mật khẩu, không đọc được nội dung.")
        page_count = len(reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, NotImplementedError) as exc:
        return failed(f"Tệp PDF bị hỏng hoặc không đúng định dạng ({type(exc).__name__}).")
    if page_count == 0:
        return failed("Tệp PDF không có trang nào.")

    blocks: list[TextBlock] = []
    chars = letters = pages_read = 0
    truncated = page_count > limits.max_pages
    for index in range(min(page_count, limits.max_pages)):
        if chars >= limits.max_chars:
            truncated = True
            break
        try:
            text = reader.pages[index].extract_text() or ""
        except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError, NotImplementedError, ZeroDivisionError):
            text = ""  # one unreadable page does not lose the others
        pages_read += 1
        letters += sum(ch.isalpha() for ch in text)
        for block in blocks_from_lines(text.splitlines()):
            if chars + len(block.text) > limits.max_chars:
                truncated, chars = True, limits.max_chars
                break
            blocks.append(block)
            chars += len(block.text)
    # Paragraphs that run across a page break were cut in two: join them again.
    blocks = join_across_pages(blocks)
    if letters < SCANNED_CHARS_PER_PAGE * pages_read:
        return Extraction(STATUS_SCANNED, [], page_count, pages_read, truncated)
    return Extraction(STATUS_OK, blocks, page_count, pages_read, truncated)


def join_across_pages(blocks: list[TextBlock]) -> list[TextBlock]:
    joined: list[TextBlock] = []
    for block in blocks:
        if (joined and block.kind == "paragraph" and joined[-1].kind in ("paragraph", "item")
                and block.text[:1].islower() and not joined[-1].text.endswith((".", ":", ";", "!", "?"))):
            joined[-1] = TextBlock(joined[-1].kind, f"{joined[-1].text} {block.text}")
        else:
            joined.append(block)
    return joined
