"""Editor overrides (written form -> spoken form), applied before the built-in rules."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from .abbreviations import alternation
from .numbers import digits

_ASCII_DIGITS = re.compile(r"[0-9]+")


def find_overrides(text: str, lexicon: Mapping[str, str] | None) -> list[tuple[int, int, str]]:
    """(start, end, spoken) for each non-overlapping match in text, longest entry first."""
    if not lexicon:
        return []
    entries = {unicodedata.normalize("NFC", k): v for k, v in lexicon.items() if k}
    if not entries:
        return []
    pattern = re.compile(alternation(entries))
    # Spoken output never carries digits, even when an editor typed some.
    return [
        (m.start(), m.end(), _ASCII_DIGITS.sub(lambda d: digits(d.group()), entries[m.group()]))
        for m in pattern.finditer(text)
    ]
