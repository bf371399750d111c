"""`loa reading-audit`: the guessed readings of the whole site, most frequent first.

An office settles its lexicon in one sitting: each guessed word once, with how often and
on how many pages it is read, how it will be said, why it is a guess, and one sentence
with a page where it stands.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wagtail.models import Page, Site

from loa.speech import find_guesses

from ..models import ReadingScript
from .lexicon import full_lexicon
from .review import voice_region


@dataclass
class AuditRow:
    written: str
    spoken: str
    how: str
    context: str
    page_title: str
    page_id: int
    count: int = 0
    pages: set[int] = field(default_factory=set)


def scripts(since: datetime | None = None, site: Site | None = None):
    """The reading scripts of the live pages (of one site), published since a moment if given."""
    pages = Page.objects.live()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    if since is not None:
        pages = pages.filter(last_published_at__gte=since)
    return ReadingScript.objects.filter(page__in=pages).select_related("page").order_by("page_id")


def audit(since: datetime | None = None, site: Site | None = None) -> list[AuditRow]:
    """Guessed words of the site's read text, by frequency (then by written form)."""
    region, lexicon = voice_region(), full_lexicon()
    rows: dict[str, AuditRow] = {}
    for script in scripts(since, site).iterator(chunk_size=200):
        applicable = {written: spoken for written, spoken in lexicon.items() if written in script.text}
        for guess in find_guesses(script.text, region, applicable):
            row = rows.get(guess.written)
            if row is None:
                row = rows[guess.written] = AuditRow(guess.written, guess.spoken, guess.how, guess.context,
                                                     script.page.title, script.page_id)
            row.count += 1
            row.pages.add(script.page_id)
    return sorted(rows.values(), key=lambda r: (-r.count, r.written))
