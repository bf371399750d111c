"""Which pages are read aloud: every Page type with `readaloud = True`.

A readable page type is read as an article is (title, `summary`, `body` blocks), unless it
defines `readaloud_pieces()`: the (block id, HTML) pairs to read, in order, where each
block id names the page element `data-readaloud-block="<id>"` whose content that HTML is
(rendered exactly as the page shows it, so highlighting offsets match).
"""
from __future__ import annotations

from django.apps import apps
from wagtail.models import Page


def is_readable(page) -> bool:
    return bool(getattr(type(page), "readaloud", False))


def readable_models() -> list[type[Page]]:
    return [model for model in apps.get_models() if issubclass(model, Page) and getattr(model, "readaloud", False)]


def live_readable_page(page_id: int):
    """The published, public, readable page with this id, or None."""
    if not 0 < page_id < 2**63:  # the URL takes any digits; past the database's integer range the query fails
        return None
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    return page if is_readable(page) else None
