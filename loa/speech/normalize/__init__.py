"""Vietnamese text normalization: written text -> what a careful newsreader says.

    >>> normalize("Quyết định số 12-QĐ/ĐU").text
    'Quyết định số mười hai quyết định đảng ủy'

The rules are in /work/shared/tn/CONVENTIONS.md; the dictionaries editors may
extend are data/*.tsv (abbreviations, units, the loanword lexicon, the toneless
words of web addresses). Latin-script words are read by latin.py (lexicon,
acronyms, brand casing) and transliterate.py (unknown words, by rule); addresses,
hashtags and file names by web.py. Every piece of output keeps the source range
it came from (Normalized.spans), so a player can highlight the text being spoken, and how
it was reached (Span.how: lexicon, table, rule, written, or the guesses an editor should
hear: guess, spelled, unknown; loa.speech.find_guesses lists those with their sentence).
"""
from __future__ import annotations

from collections.abc import Mapping

from .definitions import defined_abbreviations
from .lexicon import find_overrides
from .numbers import number_words
from .rules import Reader
from .spans import GUESSES, LEXICON, RULE, Normalized, Span, SpanBuilder
from .unicode import LOOKALIKES, nfc_with_offsets

__all__ = ["GUESSES", "Normalized", "Span", "defined_abbreviations", "normalize"]


def normalize(
    text: str,
    region: str = "north",
    lexicon: Mapping[str, str] | None = None,
    defined: Mapping[str, str] | None = None,
) -> Normalized:
    """The spoken form of text for a voice of region ("north", "central" or "south").

    lexicon maps written forms to spoken forms; its entries are matched first
    (case-sensitive, whole words, longest first) and said exactly as given.
    defined: the abbreviations the whole document defines ("trạm biến áp (TBA)"),
    when text is one sentence of it; by default those text defines itself.
    """
    words = number_words(region)
    normal, offsets = nfc_with_offsets(text)
    normal = normal.translate(LOOKALIKES)
    out = SpanBuilder()
    reader = Reader(normal, words, out, region)
    own = dict(defined_abbreviations(normal) if defined is None else defined)
    editors = dict(lexicon or {})
    position = 0
    for start, end, spoken in find_overrides(normal, {**own, **editors}):
        reader.read(position, start)
        reader.override(spoken, start, end, LEXICON if normal[start:end] in editors else RULE)
        position = end
    reader.read(position, len(normal))
    return out.build(offsets)
