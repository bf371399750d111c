"""Web addresses and e-mail addresses, read part by part."""
from __future__ import annotations

import re

from .abbreviations import SYMBOLS
from .numbers import digits
from .syllables import is_syllable, spell

_SCHEME = re.compile(r"^[a-z]+://", re.IGNORECASE)
_PARTS = re.compile(r"[^\W\d_]+|[0-9]+|.", re.DOTALL)
_SEPARATORS = {
    ".": "chấm", "/": "gạch chéo", "@": "a còng", "-": "gạch ngang", "_": "gạch dưới", ":": "hai chấm",
}


def read_url(url: str) -> str:
    """www.longan.gov.vn -> vê kép vê kép vê kép chấm longan chấm giê ô vê chấm vê en."""
    out = []
    for part in _PARTS.findall(_SCHEME.sub("", url).rstrip("/")):
        if part.isascii() and part.isdigit():
            out.append(digits(part))
        elif part.isalpha():
            # Short non-words (www, gov, vn) are spelled; longer names stay as written.
            out.append(part.lower() if len(part) > 3 or is_syllable(part) else spell(part))
        elif part in _SEPARATORS:
            out.append(_SEPARATORS[part])
        elif part in SYMBOLS:
            out.append(SYMBOLS[part])
    return " ".join(out)
