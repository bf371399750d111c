"""The loanword lexicon (data/loanwords.tsv): Facebook -> phây búc, ASEAN -> a xê an.

Each row: written, spoken, case (any: every casing; exact: only as written), region (empty:
every voice). A region's own row wins over a row for every region, an exact row over an
any row. Written forms of several tokens (Wi-Fi, SEA Games) are matched by the tokenizer
(PHRASES, any casing); single words are looked up when the word is read.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .abbreviations import alternation, rows

# A written form made of one word token (letters, maybe an apostrophe: McDonald's).
_ONE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Entry:
    written: str
    spoken: str
    exact: bool
    region: str  # "" for every region


def _entries(name: str) -> dict[str, list[Entry]]:
    by_key: dict[str, list[Entry]] = {}
    for written, spoken, *rest in rows(name):
        case = rest[0].strip() if rest else ""
        region = rest[1].strip() if len(rest) > 1 else ""
        entry = Entry(written.strip(), spoken.strip(), case == "exact", region)
        by_key.setdefault(entry.written.lower(), []).append(entry)
    return by_key


_ALL = _entries("loanwords.tsv")
WORDS: Mapping[str, tuple[Entry, ...]] = MappingProxyType(
    {k: tuple(v) for k, v in _ALL.items() if _ONE_WORD.fullmatch(k)})
PHRASES: Mapping[str, tuple[Entry, ...]] = MappingProxyType(
    {k: tuple(v) for k, v in _ALL.items() if not _ONE_WORD.fullmatch(k)})


def _pick(entries: tuple[Entry, ...], written: str, region: str) -> str | None:
    """The best entry for written in region: own region before all regions, exact before any."""
    fitting = [e for e in entries if (not e.exact or e.written == written) and e.region in ("", region)]
    if not fitting:
        return None
    return min(fitting, key=lambda e: (e.region != region, not e.exact)).spoken


def loanword(word: str, region: str) -> str | None:
    """The lexicon's reading of a word token, or None."""
    entries = WORDS.get(word.lower())
    return _pick(entries, word, region) if entries else None


def phrase(text: str, region: str) -> str | None:
    """The lexicon's reading of a several-token form the tokenizer matched (Wi-Fi, SEA Games)."""
    entries = PHRASES.get(text.lower())
    return _pick(entries, text, region) if entries else None


def compound(word: str, region: str, shortest: int = 3) -> str | None:
    """A lowercase word made of lexicon words (smartcity, livestreamshop), read piece by piece."""
    n = len(word)
    if n < 2 * shortest or n > 40:
        return None
    # best[i]: the fewest pieces covering word[i:], with the readings.
    best: list[tuple[int, list[str]] | None] = [None] * n + [(0, [])]
    for i in range(n - shortest, -1, -1):
        for j in range(n, i + shortest - 1, -1):
            rest = best[j]
            spoken = loanword(word[i:j], region) if rest is not None else None
            current = best[i]
            if spoken and rest is not None and (current is None or rest[0] + 1 < current[0]):
                best[i] = (rest[0] + 1, [spoken] + rest[1])
    found = best[0]
    return " ".join(found[1]) if found and found[0] >= 2 else None


# Several-token forms start with one of these words; the pattern finds the whole form there.
PHRASE_STARTS = frozenset(start[0] for k in PHRASES if (start := re.match(r"[^\W\d_]+", k)))
PHRASE_PATTERN = re.compile(f"(?i:{alternation(PHRASES)})")
# Words of the lexicon with letters beyond ASCII (café, Nestlé), in the casings text uses.
NON_ASCII_LOANWORDS = frozenset(
    form for key, entries in WORDS.items() if not key.isascii()
    for e in entries for form in (e.written, key, key.capitalize(), key.upper())
)
