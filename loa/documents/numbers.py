"""Số ký hiệu for search: "25/2024/NQ-HĐND" is found as typed, in lower case, or without diacritics and punctuation."""
from __future__ import annotations

import re

from loa.core.text import fold

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_WORDS = re.compile(r"[0-9a-z]+")


def number_key(text: str) -> str:
    """"25/2024/NQ-HĐND", "25 2024 nq hdnd", "252024NQHĐND" -> "252024nqhdnd"."""
    return _NOT_ALNUM.sub("", fold(text or ""))


def number_words(text: str) -> str:
    """"25/2024/NQ-HĐND" -> "25 2024 nq hdnd" (what a full-text index splits it into anyway)."""
    return " ".join(_WORDS.findall(fold(text or "")))


def looks_like_number(query: str) -> bool:
    """A query that is a document number or its start: digits with a letter code or a slash ("25/2024", "NQ-HĐND 25")."""
    key = number_key(query)
    return len(key) >= 3 and any(ch.isdigit() for ch in key) and ("/" in query or any(ch.isalpha() for ch in key))
