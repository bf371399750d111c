"""The pronunciation lexicon ("Từ điển phát âm") as the speech pipeline takes it."""
from __future__ import annotations

import hashlib

from ..models import PronunciationEntry


def full_lexicon() -> dict[str, str]:
    """Every entry: written form -> spoken form."""
    return dict(PronunciationEntry.objects.values_list("written", "spoken"))


def lexicon_for(text: str) -> dict[str, str]:
    """The entries whose written form occurs in `text` (a superset of those the normalizer will match)."""
    return {written: spoken for written, spoken in full_lexicon().items() if written and written in text}


def lexicon_hash(entries: dict[str, str]) -> str:
    """Changes exactly when an entry that applies is added, removed or said differently."""
    if not entries:
        return ""
    payload = "\x1e".join(f"{written}\x1f{entries[written]}" for written in sorted(entries))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
