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
# Every pattern here is linear in its input (texts of 20,000 chars come from the public
# API): a match starts only at the first char of a run, and runs are taken possessively,
# so a long run of `.` or spaces is not rescanned from each of its chars.
SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
NEXT_START = re.compile(r"\s++[\"'“‘«(\[]*+(\w)")
LIST_MARKER = re.compile(r"(?:\d{1,3}|[IVXLC]{1,6}|[a-zđA-ZĐ])")
WORD_CHAR = re.compile(r"[\w./]")
DOTTED_INITIALS = re.compile(r"(?:\w\.)+\w")  # v.v, T.Ư, Th.S

# Clause boundaries for splitting overlong units, strongest first.
CLAUSE_BOUNDARIES = (
    re.compile(r"[;:]\s+"),
    re.compile(r"[,–—]\s++|(?<!\s)\s++-\s++"),
    re.compile(r"(?<!\s)\s++(?=(?:và|nhưng|hoặc|song|đồng thời|trong đó|nhằm|để)\s)"),
    re.compile(r"\s++"),
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
    # The word before the dot: the run of word chars, dots and slashes that ends with it.
    word_start = dot_at
    while word_start > sentence_start and WORD_CHAR.match(line, word_start - 1):
        word_start -= 1
    if word_start == dot_at:
        return False
    token = line[word_start:dot_at]
    if token in ABBREVIATIONS_BEFORE_NAME or token.rstrip(".") in ABBREVIATIONS_BEFORE_NAME:
        return True
    if DOTTED_INITIALS.fullmatch(token):
        return not token.endswith("v.v")
    # "1. ", "II. ", "a. " at the start of a sentence are list markers.
    return _blank(line, sentence_start, word_start) and LIST_MARKER.fullmatch(token) is not None


def _blank(line: str, start: int, end: int) -> bool:
    """line[start:end] is only whitespace (scanned from the end: it is often a whole sentence)."""
    while end > start and line[end - 1].isspace():
        end -= 1
    return end == start


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
