"""The result type and the builder that keeps output text aligned with its source."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .unicode import OffsetMap

# How a reading was reached (Span.how). The last three are guesses an editor should hear.
LEXICON = "lexicon"  # the editors' lexicon ("Từ điển phát âm")
TABLE = "table"  # a built-in table: abbreviations, document codes, units, loanwords
RULE = "rule"  # numbers, dates, times, codes, addresses: read by rule
WRITTEN = "written"  # a Vietnamese word, read as written
GUESS = "guess"  # a Latin word transliterated by rule, or a reading chosen on weak context
SPELLED = "spelled"  # letters said one by one (a lone letter, CO2)
UNKNOWN = "unknown"  # an abbreviation in no table, spelled
GUESSES = frozenset({GUESS, SPELLED, UNKNOWN})

# A spoken piece and the [start, end) source range (in NFC-text offsets) it came from.
Piece = tuple[str, int, int]


@dataclass(frozen=True)
class Span:
    out_start: int
    out_end: int  # [out_start, out_end) in Normalized.text
    src_start: int
    src_end: int  # [src_start, src_end) in the input string
    how: str = ""  # for a spoken word, how it was reached (LEXICON ... UNKNOWN); "" for spaces and pauses


def _out_start(span: Span) -> int:
    return span.out_start


@dataclass(frozen=True)
class Normalized:
    text: str
    spans: tuple[Span, ...]  # ordered, contiguous, covering every char of text

    def source_range(self, out_start: int, out_end: int) -> tuple[int, int]:
        """The source chars that produced text[out_start:out_end]."""
        if not self.spans:
            return (0, 0)
        first = max(bisect_right(self.spans, out_start, key=_out_start) - 1, 0)
        last = max(bisect_left(self.spans, out_end, key=_out_start), first + 1)
        hits = self.spans[first:last]
        return (min(s.src_start for s in hits), max(s.src_end for s in hits))


# After these, a following word needs a space in front of it.
_NEEDS_SPACE_AFTER = frozenset(",.;:!?)…")


class SpanBuilder:
    """Accumulates output pieces, each tied to a source range in normalized-text offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._spans: list[tuple[int, int, int, int, str]] = []
        self._length = 0

    def _last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def _append(self, text: str, src_start: int, src_end: int, how: str = "") -> None:
        self._parts.append(text)
        self._spans.append((self._length, self._length + len(text), src_start, src_end, how))
        self._length += len(text)

    def word(self, text: str, src_start: int, src_end: int, how: str = RULE) -> None:
        """A spoken word or phrase, reached as `how`; separated from a preceding word by a space."""
        if not text:
            return
        last = self._last_char()
        if last and (last.isalnum() or last in _NEEDS_SPACE_AFTER):
            self._append(" ", src_start, src_start)
        self._append(text, src_start, src_end, how)

    def words(self, pieces: list[Piece], how: str = RULE) -> None:
        for text, src_start, src_end in pieces:
            self.word(text, src_start, src_end, how)

    def punct(self, text: str, src_start: int, src_end: int) -> None:
        """Punctuation kept as a pause; attached to what precedes it."""
        if self._parts:
            self._append(text, src_start, src_end)

    def pause(self, src_start: int, src_end: int) -> None:
        """A dash between words (a - b): said as a comma, unless a pause is already there."""
        if self._last_char() == " ":
            self._pop()
        last = self._last_char()
        if last and last.isalnum():
            self._append(",", src_start, src_end)

    def space(self, text: str, src_start: int, src_end: int) -> None:
        last = self._last_char()
        if not last or (last.isspace() and "\n" not in text):
            return
        if last == " ":
            self._pop()
        self._append(text, src_start, src_end)

    def _pop(self) -> None:
        self._parts.pop()
        start = self._spans.pop()[0]
        self._length = start

    def build(self, offsets: OffsetMap) -> Normalized:
        while self._parts and self._parts[-1].isspace():
            self._pop()
        spans = tuple(
            Span(out_start, out_end, offsets.to_source_start(src_start), offsets.to_source_end(src_end), how)
            for out_start, out_end, src_start, src_end, how in self._spans
        )
        return Normalized("".join(self._parts), spans)
