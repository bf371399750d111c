"""The editable dictionaries in data/*.tsv: abbreviations, document types, units, symbols, roads."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import Any

_DATA = files(__package__).joinpath("data")


def rows(name: str) -> list[list[str]]:
    """Tab-separated rows of data/<name>, NFC-normalized, without comments and blank lines."""
    text = unicodedata.normalize("NFC", _DATA.joinpath(name).read_text(encoding="utf-8"))
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _by_scope(name: str, narrow_scope: str) -> tuple[dict[str, str], dict[str, str]]:
    """(everywhere, only in narrow_scope): written -> spoken; the first row of a form wins."""
    anywhere: dict[str, str] = {}
    narrow: dict[str, str] = {}
    for written, spoken, *scope in rows(name):
        target = narrow if scope and scope[0].strip() == narrow_scope else anywhere
        target.setdefault(written, spoken.strip())
    return anywhere, narrow


_SEPARATORS = re.compile(r"[-&]")


def _with_variants(table: dict[str, str]) -> dict[str, str]:
    """KH&CN is also written KH-CN, KH- CN and KHCN: each joined form gets the other joints, unless taken."""
    out = dict(table)
    for written, spoken in table.items():
        parts = _SEPARATORS.split(written)
        if len(parts) < 2 or not all(part.isupper() and part.isalpha() for part in parts):
            continue
        # An & form says "và": it is derived only from a form that has one (HĐND&UBND is read part by part).
        for joint in ("-", "- ", "&", "") if "&" in written else ("-", "- ", ""):
            out.setdefault(joint.join(parts), spoken)
    return out


_ABBR_ANY, _ABBR_DOC = _by_scope("abbreviations.tsv", "doc")
_ABBR_ANY = _with_variants(_ABBR_ANY)
_TYPES_ANY, _TYPES_DOC = _by_scope("document_types.tsv", "doc")
_UNITS_ANY, _UNITS_AFTER_NUMBER = _by_scope("units.tsv", "number")

# Outside document numbers: general abbreviations first, then document types, then units.
ABBREVIATIONS: Mapping[str, str] = MappingProxyType({**_UNITS_ANY, **_TYPES_ANY, **_ABBR_ANY})
# Inside document numbers the document types come first (TT is thông tư there).
DOCUMENT_CODES: Mapping[str, str] = MappingProxyType(
    {**ABBREVIATIONS, **_ABBR_DOC, **_TYPES_ANY, **_TYPES_DOC}
)
UNITS: Mapping[str, str] = MappingProxyType({**_UNITS_AFTER_NUMBER, **_UNITS_ANY})
# Document types (NQ, TT, QĐ): "TT 15/2020" is thông tư mười lăm năm hai nghìn không trăm hai mươi.
DOCUMENT_TYPES = frozenset({**_TYPES_ANY, **_TYPES_DOC})
SYMBOLS: Mapping[str, str] = MappingProxyType({row[0]: row[1].strip() for row in rows("symbols.tsv")})
# Inside the number of a judgment or court decision (34/2025/DS-ST): its parts come first.
COURT_CODES: Mapping[str, str] = MappingProxyType({**DOCUMENT_CODES, **{row[0]: row[1].strip() for row in rows("court_cases.tsv")}})
# The stages of trial whose presence makes a document number a court's (ST, PT, QĐPT).
COURT_STAGES = frozenset({"ST", "PT", "GĐT", "QĐST", "QĐPT", "QĐGĐT"})
# Sectors written short after Bộ, Sở, Phòng (Bộ TM, Sở XD): read as the sector only there.
SECTORS: Mapping[str, str] = MappingProxyType({row[0]: row[1].strip() for row in rows("sectors.tsv")})
# Road prefixes, read only before a road number: QL1A -> quốc lộ một a.
ROADS: Mapping[str, str] = MappingProxyType({row[0]: row[1].strip() for row in rows("roads.tsv")})


def alternation(words: Iterable[str], left_boundary: bool = True) -> str:
    """A regex matching any of words on word boundaries; the longest match wins.

    Built as a prefix tree, so matching costs one char test per level, not one per
    word. A form ending in '.' (TP.) needs no boundary after it: TP.Tân An is fine.
    left_boundary=False lets a unit stick to its number (500.000đ).
    """
    words = sorted(set(words))
    starts_word = [w for w in words if w[0].isalnum()]
    others = [w for w in words if not w[0].isalnum()]
    parts = []
    if starts_word:
        parts.append((r"(?<!\w)" if left_boundary else "") + _tree_pattern(starts_word))
    if others:
        parts.append(_tree_pattern(others))
    return "|".join(parts) or "(?!)"


def _tree_pattern(words: list[str]) -> str:
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = r"(?!\w)" if word[-1].isalnum() else ""
    return _node_pattern(tree)


def _node_pattern(node: dict[str, Any]) -> str:
    # Longer continuations are tried before ending here, so the longest word wins.
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if "" in node:
        branches.append(node[""])
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
