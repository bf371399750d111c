"""From lines of extracted text to readable blocks: headings ("Chương II", "Điều 1."), clauses, paragraphs.

PDF text comes as lines as they were laid out on the page, so a paragraph that wraps is
several lines. A line continues the open paragraph unless it starts a structural unit
(a heading, a numbered clause, a list item) or the line before ended a sentence.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from .result import TextBlock

# Structural units of Vietnamese legal documents (Luật Ban hành văn bản quy phạm pháp luật).
_ROMAN = r"[IVXLC]+"
HEADING_RE = re.compile(
    rf"^(?:(?:PHẦN|Phần)\s+(?:THỨ\s+\S+|{_ROMAN}|\d+)"
    rf"|(?:CHƯƠNG|Chương)\s+(?:{_ROMAN}|\d+)"
    r"|(?:MỤC|Mục)\s+\d+"
    r"|(?:TIỂU MỤC|Tiểu mục)\s+\d+"
    r"|Điều\s+\d+[a-zđ]?\.)"
    r"(?=\s|$|[.:])"
)
ITEM_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.|\d+\)|[a-zđ]\)|[-–+•*])\s")
WRAPPED_SHARE = 0.7
SENTENCE_END = (".", ":", ";", "!", "?", "…")
PAGE_NUMBER_RE = re.compile(r"^(?:[Tt]rang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def clean_line(line: str) -> str:
    """NFC (PDF text often comes decomposed), no control characters or lone surrogates, single spaces."""
    line = line.translate(_CONTROL)
    line = line.encode("utf-8", "replace").decode("utf-8")
    for ligature, letters in _LIGATURES.items():
        line = line.replace(ligature, letters)
    line = line.replace("\ufffe", "").replace("\ufeff", "").replace("\u00ad", "")
    return _SPACES.sub(" ", unicodedata.normalize("NFC", line)).strip()


def is_heading(line: str) -> bool:
    if HEADING_RE.match(line):
        return True
    letters = [ch for ch in line if ch.isalpha()]
    # A line in capitals ("NGHỊ QUYẾT", "QUYẾT NGHỊ:") is a heading; a stray acronym is not.
    return len(letters) >= 6 and all(ch.isupper() for ch in letters) and len(line) <= 200


def kind_of(line: str) -> str:
    if is_heading(line):
        return "heading"
    if ITEM_RE.match(line):
        return "item"
    return "paragraph"


def blocks_from_lines(lines: Iterable[str]) -> Iterator[TextBlock]:
    """Blocks in reading order (one page's lines); blank lines, page numbers and lone symbols are dropped."""
    cleaned = [clean_line(raw) for raw in lines]
    # A line much shorter than the longest ends its paragraph (a heading, the last line, a
    # letterhead line); a long one wrapped. In a DOCX every line is a paragraph already.
    short = WRAPPED_SHARE * max((len(line) for line in cleaned), default=0)
    kind, parts = "", []
    for line in cleaned:
        if not line or PAGE_NUMBER_RE.match(line) or not any(ch.isalnum() for ch in line):
            if parts and not line:
                yield TextBlock(kind, " ".join(parts))
                kind, parts = "", []
            continue
        line_kind = kind_of(line)
        if parts and line_kind == "paragraph" and _continues(kind, parts[-1], line, short):
            parts.append(line)
            continue
        if parts:
            yield TextBlock(kind, " ".join(parts))
        kind, parts = line_kind, [line]
    if parts:
        yield TextBlock(kind, " ".join(parts))


def _continues(kind: str, previous: str, line: str, short: float) -> bool:
    if line[:1].islower():
        return kind != "heading" or previous.startswith("Điều")
    if kind == "heading":
        return False
    return len(previous) >= short and not previous.endswith(SENTENCE_END)
