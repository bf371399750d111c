"""Reading a Latin-script word that is not plain Vietnamese: a loanword, an acronym, a brand.

In order: the loanword lexicon (Facebook, ASEAN, iPhone); an all-capital word is read if it
is a Vietnamese syllable and spelled otherwise (KẾT, GDP -> giê đê pê); a word in mixed case
is read part by part (VNeID -> VN + e + ID, eCabinet -> e + Cabinet, an i- or e- prefix said
"ai" and "i"); a word that is a Vietnamese syllable stays as written; one spelled like a
syllable but missing its tone gets sắc (chat -> chát); a word made of lexicon words is read
piece by piece (smartcity); anything else is transliterated (transliterate.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .loanwords import compound, loanword
from .spans import GUESS, RULE, SPELLED, TABLE, UNKNOWN, WRITTEN
from .syllables import is_syllable, is_valid_syllable, spell
from .transliterate import MAX_LETTERS, toned, transliterate

_RUNS = re.compile(r"[^\W\d_]+|\d+|[^\w]+|_")
_PREFIXES = {"i": "ai", "e": "i"}  # iPhone, iHanoi; eCabinet, eGov


@lru_cache(maxsize=16384)
def read_latin(word: str, region: str, before_digit: bool = False) -> tuple[str | None, str]:
    """The spoken form of a word token (None when it is read as written) and how it was reached.

    before_digit: digits follow the word directly (CO2, H5N1): capitals there are letters.
    The second item is a kind of spans.py: TABLE, WRITTEN, RULE, GUESS or UNKNOWN.
    """
    spoken = loanword(word, region)
    if spoken is not None:
        return spoken, TABLE
    letters = word.replace("'", "").replace("’", "")
    if not (letters.isascii() and letters.isalpha()):
        return None, WRITTEN
    if before_digit and letters.isupper():
        return spell(letters), RULE  # CO2, H5N1: capitals before digits are letters
    return _read_ascii(letters, region)


def _read_ascii(word: str, region: str) -> tuple[str | None, str]:
    if len(word) > MAX_LETTERS:
        return spell(word), UNKNOWN
    if word.isupper():
        said = _acronym(word)
        return said, (WRITTEN if said == word.lower() else UNKNOWN if len(word) > 1 else SPELLED)
    parts = case_parts(word)
    if len(parts) > 1:
        return " ".join(_read_part(part, i, region) for i, part in enumerate(parts)), GUESS
    return _plain(word.lower(), region)


def case_parts(text: str) -> list[str]:
    """Letters cut where the case changes, digits apart.

    LongAnXanh -> Long An Xanh, iPhone -> i Phone, VNeID -> VN e ID (a lone small letter
    between capitals is a part of its own), XMLHttp -> XML Http.
    """
    parts: list[str] = []
    for run in _RUNS.findall(text):
        if not run[0].isalpha():
            parts.append(run)
            continue
        start = 0
        for i in range(1, len(run)):
            before, here, after = run[i - 1], run[i], run[i + 1:i + 2]
            # VNeID: a small letter alone between capitals, after two of them
            lone_small = here.islower() and before.isupper() and after.isupper() and i >= 2 and run[i - 2].isupper()
            if ((before.islower() and here.isupper()) or lone_small
                    or (before.isupper() and here.isupper() and run[i + 1:i + 3].islower() and len(run[i + 1:i + 3]) == 2)):
                parts.append(run[start:i])
                start = i
        parts.append(run[start:])
    return [p for p in parts if p.strip() and p != "_"]


def _acronym(word: str) -> str:
    """A word in capitals: read if it is a syllable (heading words, Y tế), else spelled (GDP, and OA: vowels only)."""
    lowered = word.lower()
    said = len(lowered) == 1 or any(c not in "aeiouy" for c in lowered)
    return lowered if said and is_valid_syllable(lowered) else spell(word)


def _read_part(part: str, index: int, region: str) -> str:
    """One part of a word in mixed case."""
    spoken = loanword(part, region)
    if spoken is not None:
        return spoken
    if index == 0 and part in _PREFIXES:
        return _PREFIXES[part]
    if part.isupper():
        return _acronym(part)
    return _plain(part.lower(), region)[0] or part.lower()


def _plain(word: str, region: str) -> tuple[str | None, str]:
    """A lowercase ASCII word that is in neither the lexicon nor an acronym."""
    if is_valid_syllable(word):
        return None, WRITTEN
    if is_syllable(word):
        return toned(word), GUESS
    pieces = compound(word, region)
    return (pieces, TABLE) if pieces else (transliterate(word), GUESS)
