"""Is an all-capital word a Vietnamese syllable (read it) or an initialism (spell it)?"""
from __future__ import annotations

import re

from .unicode import strip_tones

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "oai|oao|oay|oeo|iêu|uôi|ươi|ươu|uya|uyê|uây|uyu|yêu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uă|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_CODAS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(f"(?:{_ONSETS})?(?:{_NUCLEI})(?:{_CODAS})?")

LETTER_NAMES = {
    "a": "a", "ă": "á", "â": "ớ", "b": "bê", "c": "xê", "d": "dê", "đ": "đê", "e": "e", "ê": "ê",
    "f": "ép", "g": "giê", "h": "hát", "i": "i", "j": "giây", "k": "ca", "l": "e lờ", "m": "em mờ",
    "n": "en nờ", "o": "o", "ô": "ô", "ơ": "ơ", "p": "pê", "q": "quy", "r": "e rờ", "s": "ét xì",
    "t": "tê", "u": "u", "ư": "ư", "v": "vê", "w": "vê kép", "x": "ích xì", "y": "i dài", "z": "dét",
}


def is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(strip_tones(word)) is not None


def spell(word: str) -> str:
    """ABC -> a bê xê; letters without a Vietnamese name are kept as they are."""
    return " ".join(LETTER_NAMES.get(strip_tones(c), c.lower()) for c in word)


def read_capitals(word: str) -> str:
    """An all-capital word: a heading word is read, an unknown initialism is spelled."""
    return word.lower() if is_syllable(word) else spell(word)
