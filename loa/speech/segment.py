"""Sentence segmentation that keeps each sentence's offsets in the source text.

Lines are units of their own (headings, list items, paragraphs). Within a line a
sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital letter,
a digit or an opening mark, unless the dot belongs to an abbreviation (`TP.`,
`ThS.`), a number (`53.082`) or a list marker (`1.`, `II.`, `a.`). Units longer
than `max_chars` are split at the strongest clause boundary that fits.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT_MAX_CHARS = 400

# Abbreviations whose dot never ends a sentence (they precede a name or a word).
ABBREVIATIONS_BEFORE_NAME = frozenset(
    {
        "TP", "Tp", "tp", "ThS", "Ths", "Th.S", "TS", "PGS", "PGS.TS", "GS", "GS.TS",
        "BS", "KS", "CN", "Th", "St", "Mr", "Mrs", "Ms", "Dr", "Q", "P", "TT", "TX",
        "Tx", "H", "X", "Nxb", "NXB", "Tr", "tr", "Đ/c", "đ/c", "Đc", "Stt", "STT",
        "No", "no", "vs",
    }
)
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)")
NEXT_START = re.compile(r"\s+[\"'“‘«(\[]*(\w)", re.UNICODE)
LIST_MARKER = re.compile(r"(?:\d{1,3}|[IVXLC]{1,6}|[a-zđA-ZĐ])", re.UNICODE)
WORD_BEFORE_DOT = re.compile(r"([\w./]+)\.+$", re.UNICODE)

# Clause boundaries for splitting overlong units, strongest first.
CLAUSE_BOUNDARIES = (
    re.compile(r"[;:]\s+"),
    re.compile(r"[,–—]\s+|\s+-\s+"),
    re.compile(r"\s+(?=(?:và|nhưng|hoặc|song|đồng thời|trong đó|nhằm|để)\s)"),
    re.compile(r"\s+"),
)


@dataclass(frozen=True)
class Sentence:
    """A unit of speech: `text == source[start:end]`."""

    text: str
    start: int
    end: int


def split_sentences(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[Sentence]:
    """Split `text` into sentences no longer than about `max_chars` characters."""
    if max_chars < 20:
        raise ValueError("max_chars must be at least 20")
    sentences: list[Sentence] = []
    for line_start, line_end in _line_ranges(text):
        for start, end in _sentence_ranges(text, line_start, line_end):
            for piece_start, piece_end in _fit(text, start, end, max_chars):
                sentences.append(Sentence(text[piece_start:piece_end], piece_start, piece_end))
    return sentences


def _line_ranges(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            yield start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_ranges(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    line = text[start:end]
    cursor = 0
    for match in SENTENCE_END.finditer(line):
        if not _starts_sentence(line, match.end()):
            continue
        if _is_abbreviation_or_marker(line, cursor, match.start(), line[match.start()]):
            continue
        piece = _strip(text, start + cursor, start + match.end())
        if piece[0] < piece[1]:
            yield piece
        cursor = match.end()
    piece = _strip(text, start + cursor, end)
    if piece[0] < piece[1]:
        yield piece


def _starts_sentence(line: str, at: int) -> bool:
    following = NEXT_START.match(line, at)
    return following is not None and (following.group(1).isupper() or following.group(1).isdigit())


def _is_abbreviation_or_marker(line: str, sentence_start: int, dot_at: int, mark: str) -> bool:
    if mark != ".":
        return False
    before = line[sentence_start:dot_at + 1]
    word = WORD_BEFORE_DOT.search(before)
    if not word:
        return False
    token = word.group(1)
    if token in ABBREVIATIONS_BEFORE_NAME or token.rstrip(".") in ABBREVIATIONS_BEFORE_NAME:
        return True
    if re.fullmatch(r"(?:\w\.)+\w", token):  # v.v, T.Ư, Th.S
        return not before.rstrip(".").endswith("v.v")
    # "1. ", "II. ", "a. " at the start of a sentence are list markers.
    return before[: word.start()].strip() == "" and LIST_MARKER.fullmatch(token) is not None


def _fit(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Split [start, end) at clause boundaries until every piece fits."""
    while end - start > max_chars:
        cut = _best_cut(text, start, end, max_chars)
        piece = _strip(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start, _ = _strip(text, cut, end)
    if start < end:
        yield start, end


def _best_cut(text: str, start: int, end: int, max_chars: int) -> int:
    window = text[start:start + max_chars]
    minimum = max_chars // 4
    for pattern in CLAUSE_BOUNDARIES:
        cuts = [m.end() for m in pattern.finditer(window) if m.end() >= minimum and m.end() < len(window)]
        if cuts:
            return start + cuts[-1]
    return start + max_chars
