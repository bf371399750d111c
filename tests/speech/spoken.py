"""What the normalizer says, as the scorer compares it: shared by the normalizer's tests."""
from __future__ import annotations

import re
from collections.abc import Mapping

from loa.speech.normalize import normalize


def said(text: str, region: str = "north", lexicon: Mapping[str, str] | None = None) -> str:
    """The spoken words, lowercase, punctuation dropped."""
    spoken = normalize(text, region=region, lexicon=lexicon).text.lower()
    return " ".join(re.sub(r"[^\w\s]", " ", spoken).split())


def how_said(text: str, spoken: str) -> str:
    """The provenance of the output span whose text is spoken."""
    result = normalize(text)
    found = [s.how for s in result.spans if result.text[s.out_start:s.out_end] == spoken]
    assert found, f"{spoken!r} not in {result.text!r}"
    return found[0]
