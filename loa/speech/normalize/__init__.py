"""Vietnamese text normalization: written text -> what a newsreader says."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    out_start: int
    out_end: int
    src_start: int
    src_end: int


@dataclass(frozen=True)
class Normalized:
    text: str
    spans: tuple[Span, ...]

    def source_range(self, out_start: int, out_end: int) -> tuple[int, int]:
        hits = [s for s in self.spans if s.out_start < out_end and s.out_end > out_start]
        if not hits:
            return (0, 0)
        return (min(s.src_start for s in hits), max(s.src_end for s in hits))


def normalize(text: str, region: str = "north", lexicon: Mapping[str, str] | None = None) -> Normalized:
    if region not in ("north", "central", "south"):
        raise ValueError(f"unknown region: {region!r}")
    spans = tuple(Span(m.start(), m.end(), m.start(), m.end()) for m in re.finditer(r"\S+|\s+", text))
    return Normalized(text, spans)
