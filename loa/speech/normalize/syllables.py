"""Vietnamese syllables: is a written word one (read it) or not (spell or transliterate it)?

A syllable is an onset, a rhyme and a tone, under the spelling rules of the language:
k, gh and ngh only before i, e, ê, y and c, g, ng never there; q only as qu, before a
glide; a rhyme from the inventory below (medial glide, nucleus, coda); a stop coda
(c, ch, p, t) only with the sắc or nặng tone.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .unicode import strip_tones

ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_CODAS_BY_NUCLEUS = {
    "a": ("", "i", "o", "u", "y", "c", "ch", "m", "n", "ng", "nh", "p", "t"),
    "ă": ("c", "m", "n", "ng", "p", "t"),
    "â": ("u", "y", "c", "m", "n", "ng", "p", "t"),
    "e": ("", "o", "c", "m", "n", "ng", "p", "t"),
    "ê": ("", "u", "ch", "m", "n", "nh", "p", "t"),
    "i": ("", "a", "u", "ch", "m", "n", "nh", "p", "t"),
    "iê": ("u", "c", "m", "n", "ng", "p", "t"),
    "yê": ("u", "m", "n", "t"),
    "y": ("",),
    "o": ("", "i", "c", "m", "n", "ng", "p", "t"),
    "oo": ("c", "ng"),
    "ô": ("", "i", "c", "m", "n", "ng", "p", "t"),
    "ơ": ("", "i", "m", "n", "p", "t"),
    "u": ("", "a", "i", "c", "m", "n", "ng", "p", "t"),
    "uô": ("i", "c", "m", "n", "ng", "t"),
    "ư": ("", "a", "i", "u", "c", "m", "n", "ng", "t"),
    "ươ": ("i", "u", "c", "m", "n", "ng", "p", "t"),
    # with a medial glide (o before a, ă, e; u before the others)
    "oa": ("", "i", "y", "o", "c", "ch", "m", "n", "ng", "nh", "p", "t"),
    "oă": ("c", "m", "n", "ng", "t"),
    "oe": ("", "o", "m", "n", "p", "t"),  # oép (web) as Vietnamese writes it
    "uâ": ("n", "ng", "t", "y"),
    "uê": ("", "ch", "nh", "n"),
    "uy": ("", "a", "u", "ch", "n", "nh", "p", "t"),
    "uyê": ("n", "t"),
    "uơ": ("",),
}
RHYMES = frozenset(n + c for n, codas in _CODAS_BY_NUCLEUS.items() for c in codas)
STOP_CODAS = ("ch", "c", "p", "t")
_FRONT = "eêiy"  # k, gh, ngh before these; c, g, ng never
_TONE_OF_MARK = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}

# Letter names for spelling a word out (ABC -> a bê xê); acronyms say them short (SMS -> ét em ét).
LETTER_NAMES = {
    "a": "a", "ă": "á", "â": "ớ", "b": "bê", "c": "xê", "d": "đê", "đ": "đê", "e": "e", "ê": "ê",
    "f": "ép", "g": "giê", "h": "hát", "i": "i", "j": "giây", "k": "ca", "l": "e lờ", "m": "em",
    "n": "en", "o": "ô", "ô": "ô", "ơ": "ơ", "p": "pê", "q": "quy", "r": "e rờ", "s": "ét",
    "t": "tê", "u": "u", "ư": "ư", "v": "vê", "w": "vê kép", "x": "ích xì", "y": "i dài", "z": "dét",
}
_LETTERS = re.compile(r"[^\W\d_]")


def tone(word: str) -> str | None:
    """The tone of a syllable ("ngang" when unmarked), or None if it carries two marks."""
    marks = [c for c in unicodedata.normalize("NFD", word) if c in _TONE_OF_MARK]
    if len(marks) > 1:
        return None
    return _TONE_OF_MARK[marks[0]] if marks else "ngang"


def split_syllable(base: str) -> tuple[str, str] | None:
    """(onset, rhyme) of a toneless lowercase syllable, or None if it breaks the spelling rules."""
    onset = next((o for o in ONSETS if base.startswith(o)), "")
    rest = base[len(onset):]
    if onset == "gi":  # the i is shared: gì, gìn, giếng; gia, giờ, giữa
        shared = "i" + rest
        if not rest or rest[0] not in "aăâeêioôơuưy" or (rest[0] == "ê" and shared in RHYMES):
            rest = shared
    elif onset == "qu":  # qu + glide: qua = q + oa, quy = q + uy, quốc = q + uôc
        if not rest or rest[0] not in "aăâeêioôơuưy":
            return None
        rest = ("o" if rest[0] in "aăe" else "u") + rest
        return (onset, rest) if rest in RHYMES else None
    if rest not in RHYMES:
        return None
    front = rest[0] in _FRONT
    if (onset in ("c", "g", "ng") and front) or (onset in ("k", "gh", "ngh") and not front):
        return None
    return onset, rest


@lru_cache(maxsize=4096)
def is_valid_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable, tone included: học, tốp, xờ (not tuc, hoc, kin)."""
    if not word or len(word) > 8 or not word.isalpha():
        return False
    syllable_tone = tone(word)
    parts = split_syllable(strip_tones(word))
    if syllable_tone is None or parts is None:
        return False
    return syllable_tone in ("sắc", "nặng") or not parts[1].endswith(STOP_CODAS)


def is_valid_reading(text: str) -> bool:
    """Every word of text is a valid syllable."""
    return all(is_valid_syllable(word) for word in text.split())


def is_syllable(word: str) -> bool:
    """Spelled like a syllable, whatever its tone (tuc passes, tfc does not)."""
    base = strip_tones(word)
    return bool(base) and len(base) <= 8 and base.isalpha() and split_syllable(base) is not None


def spell(word: str) -> str:
    """ABC -> a bê xê; letters without a Vietnamese name are kept as they are."""
    return " ".join(LETTER_NAMES.get(strip_tones(c), c.lower()) for c in word if not c.isspace())


def read_capitals(word: str) -> str:
    """An all-capital word: a heading word (a valid syllable) is read, an initialism is spelled."""
    return word.lower() if is_valid_syllable(word.lower()) else spell(word)


@lru_cache(maxsize=8192)
def glued_syllables(word: str) -> tuple[str, ...] | None:
    """hêrôin -> (hê, rô, in): a word that is no syllable but a run of them, fewest pieces (lowercase).

    Loanwords the Vietnamese way (hêrôin, côcain, amphêtamin) and words whose space was lost
    (thànhphố) are written so; None when the word is not such a run (Đắk, Krông, Müller).
    """
    n = len(word)
    if n < 3 or n > 40 or not word.isalpha():
        return None
    word = word.lower()
    if is_valid_syllable(word):
        return None
    best: list[tuple[str, ...] | None] = [None] * n + [()]
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, min(n, i + 8) + 1):
            rest = best[j]
            if rest is not None and is_valid_syllable(word[i:j]):
                current = best[i]
                if current is None or len(rest) + 1 < len(current):
                    best[i] = (word[i:j], *rest)
    found = best[0]
    return found if found and len(found) > 1 else None
