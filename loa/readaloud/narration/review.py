"""The guessed readings of a page's text ("Cách đọc cần kiểm tra"), grouped by written form.

A guess (loa.speech.find_guesses) is a word the normalizer read on weak ground: a Latin
word transliterated, an abbreviation found in no table, letters spelled. Editors hear
each one in its sentence and settle it with a lexicon entry ("Sửa cách đọc").
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from loa.speech import Guess, find_guesses

from . import voices
from .keys import default_voice_id
from .lexicon import lexicon_for, lexicon_hash
from .script import article_units, script_text

CACHE_VERSION = "1"  # bump when the normalizer's readings change shape
CACHE_SECONDS = 3600  # a changed normalizer shows within the hour
HOW_LABELS = {
    "guess": _("guessed from the spelling"),
    "spelled": _("spelled as letters"),
    "unknown": _("unknown abbreviation, spelled"),
}


@dataclass(frozen=True)
class ReviewRow:
    written: str
    spoken: str
    how: str
    count: int  # how many times the text has it
    context: str  # the first sentence it stands in: what "Nghe" plays

    @property
    def how_label(self) -> str:
        return str(HOW_LABELS.get(self.how, self.how))


def grouped(guesses: list[Guess]) -> list[ReviewRow]:
    """One row per written form, in order of first appearance, with its count and first sentence."""
    counts = Counter(guess.written for guess in guesses)
    rows: dict[str, ReviewRow] = {}
    for guess in guesses:
        if guess.written not in rows:
            rows[guess.written] = ReviewRow(guess.written, guess.spoken, guess.how, counts[guess.written], guess.context)
    return list(rows.values())


def voice_region(voice_id: str | None = None) -> str:
    return voices.voice(voice_id or default_voice_id()).region


def text_guesses(text: str, region: str | None = None) -> list[ReviewRow]:
    """The guessed readings of text with the site's lexicon, as the voice of `region` reads it.

    Cached by a hash of the text, the applicable lexicon and the region: a long document's
    extracted text is read once, not at every opening of its editor.
    """
    region = region or voice_region()
    lexicon = lexicon_for(text)
    payload = "\x1e".join([CACHE_VERSION, region, lexicon_hash(lexicon), text])
    key = "loa-reading-review:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()
    rows = cache.get(key)
    if rows is None:
        rows = grouped(find_guesses(text, region, lexicon))
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def page_guesses(page) -> list[ReviewRow]:
    """The guessed readings of a page as loaded (the draft in the editor): title, summary, body, files' text."""
    return text_guesses(script_text(article_units(page)))
