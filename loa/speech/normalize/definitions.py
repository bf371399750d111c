"""Abbreviations a text defines itself: "trạm biến áp (TBA)", "Ban Tuyên giáo và Dân vận (TG&DV)".

An all-capital word in parentheses whose letters are the initials of the words just before
it (& standing for "và") is read as those words, there and wherever else the text uses it.
"""
from __future__ import annotations

import re
import unicodedata

_DEFINED = re.compile(r"\(([A-ZĐ][A-ZĐƯƠÂĂÊÔ&]{1,11})\)")  # NNƯT: a letter may keep its marks
_WORDS = re.compile(r"[^\W\d_]+")
_LOOK_BACK = 160


def defined_abbreviations(text: str) -> dict[str, str]:
    """ABBR -> the words it stands for, for each "words (ABBR)" in text (the first definition wins)."""
    found: dict[str, str] = {}
    if "(" not in text:
        return found
    for m in _DEFINED.finditer(text):
        abbr = m.group(1)
        if abbr in found:
            continue
        words = _WORDS.findall(text, max(m.start() - _LOOK_BACK, 0), m.start())
        expansion = _expand(abbr, words)
        if expansion:
            found[abbr] = expansion
    return found


def _expand(abbr: str, words: list[str]) -> str | None:
    """The last words whose initials spell abbr, or None."""
    letters = list(abbr)
    if len(words) < len(letters):
        return None
    taken = words[-len(letters):]
    for letter, word in zip(letters, taken, strict=False):
        if letter == "&":
            if word.lower() != "và":
                return None
        elif _initial(word) != _initial(letter):
            return None
    if all(letter != "&" for letter in letters) and len(letters) < 2:
        return None
    return " ".join(taken).lower()


def _initial(word: str) -> str:
    """Ủy -> U, Đảng -> Đ: the first letter in capitals, without its marks (Đ keeps its bar)."""
    return unicodedata.normalize("NFD", word[0].upper())[0]
