"""Search shared by the page apps: a folded `search_text` kept on save, and the site search's sections.

The site search (/tim-kiem/) lists articles, then one section per app that answers the
`loa_site_search` hook with `(request, query, root) -> HTML`; `search_section` makes one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string

from .text import fold, search_words


class FoldedSearchText:
    """A page model whose `search_text` field holds its words folded (no diacritics, lower case),
    rebuilt on every save, so that "hoi dong" finds "Hội đồng". The model declares the field and
    says what goes in it (`search_parts`)."""

    search_text: str

    def search_parts(self) -> Iterable[str]:
        raise NotImplementedError

    def build_search_text(self) -> str:
        return fold(" ".join(part for part in self.search_parts() if part))

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        return super().save(*args, **kwargs)


def word_match(pages: QuerySet, query: str) -> Any:
    """The pages that have every word of the query, diacritics and case ignored (their folded search_text)."""
    words = search_words(query, folded=True)
    return pages.search(words, operator="and") if words else pages.none()


def containing_every_word(pages: QuerySet, query: str) -> QuerySet:
    """The pages whose folded search_text contains every word of the query, in plain SQL (the same on every
    database, no search index); every page when the query has no word."""
    for word in search_words(query, folded=True).split():
        pages = pages.filter(search_text__contains=word)
    return pages


def every_word_match(pages: QuerySet, query: str) -> QuerySet:
    """`containing_every_word` for a site-search section: nothing when the query has no word."""
    return containing_every_word(pages, query) if search_words(query, folded=True) else pages.none()


SearchSection = Callable[[HttpRequest, str, Any], str]


def search_section(template: str, name: str, pages: Callable[[], QuerySet], size: int,
                   match: Callable[[QuerySet, str], Any] = word_match,
                   more: Callable[[HttpRequest, str], str] | None = None) -> SearchSection:
    """A `loa_site_search` section: the first `size` of `pages()` (live, under the site's root) that
    `match` the query, rendered by `template` as the list `name`; "" when none matches. With `more`
    (request, query -> the URL of the full list), the template also gets `total` and, when some are
    left out, `more_url`."""

    def section(request: HttpRequest, query: str, root) -> str:
        found = pages()
        if root is not None:
            found = found.descendant_of(root, inclusive=True)
        found = match(found, query)
        if more is None:
            shown = list(found[:size])
            return render_to_string(template, {name: shown}, request) if shown else ""
        total = found.count()
        if not total:
            return ""
        more_url = more(request, query) if total > size else ""
        return render_to_string(template, {name: found[:size], "total": total, "more_url": more_url}, request)

    return section
