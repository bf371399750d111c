"""NFC normalization that remembers where each normalized char came from."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# NFC never composes across an ASCII char, so each run of non-ASCII chars (plus the
# ASCII letter that may carry its combining marks) can be normalized on its own.
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")

# Letters that look like the Vietnamese đ but are others (the Icelandic eth of some fonts and
# pages: "Ðầu tư", the African D): read as đ. One char for one, so offsets do not move.
LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NO_TONES = dict.fromkeys(map(ord, _TONE_MARKS))


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the NFC text back to offsets in the original text.

    Only the pieces NFC changed are stored: (norm_start, norm_end, src_start, src_end).
    """

    norm_starts: tuple[int, ...] = ()
    norm_ends: tuple[int, ...] = ()
    src_starts: tuple[int, ...] = ()
    src_ends: tuple[int, ...] = ()

    def _locate(self, pos: int, inside_to_end: bool) -> int:
        k = bisect_right(self.norm_starts, pos) - 1
        if k < 0:
            return pos
        if pos == self.norm_starts[k]:
            return self.src_starts[k]
        if pos < self.norm_ends[k]:
            return self.src_ends[k] if inside_to_end else self.src_starts[k]
        return self.src_ends[k] + (pos - self.norm_ends[k])

    def to_source_start(self, pos: int) -> int:
        return self._locate(pos, inside_to_end=False)

    def to_source_end(self, pos: int) -> int:
        return self._locate(pos, inside_to_end=True)


def nfc_with_offsets(text: str) -> tuple[str, OffsetMap]:
    if unicodedata.is_normalized("NFC", text):
        return text, OffsetMap()
    out: list[str] = []
    changed: list[tuple[int, int, int, int]] = []
    src_pos = norm_pos = 0
    for m in _NON_ASCII_RUN.finditer(text):
        piece = m.group()
        normal = unicodedata.normalize("NFC", piece)
        if normal == piece:
            continue
        out.append(text[src_pos:m.start()])
        norm_pos += m.start() - src_pos
        changed.append((norm_pos, norm_pos + len(normal), m.start(), m.end()))
        out.append(normal)
        norm_pos += len(normal)
        src_pos = m.end()
    out.append(text[src_pos:])
    return "".join(out), OffsetMap(*(tuple(column) for column in zip(*changed, strict=True))) if changed else OffsetMap()


def tone_key(word: str) -> str:
    """Lowercase word with its tone mark moved to the end, so hoà == hòa, khoá == khóa."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    base = decomposed.translate(_NO_TONES)
    tones = "".join(filter(_TONE_MARKS.__contains__, decomposed)) if len(base) < len(decomposed) else ""
    return unicodedata.normalize("NFC", base) + tones


def strip_tones(word: str) -> str:
    """Lowercase word without tone marks (vowel shapes like â, ơ and đ are kept)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_NO_TONES))
