"""The petitions' section of the site search: every word in the folded text (diacritics and case ignored)."""
from __future__ import annotations

from django.template.loader import render_to_string

from loa.core.text import fold, search_words

from .pages import PetitionPage

SECTION_SIZE = 8


def site_search_section(request, query: str, root) -> str:
    words = search_words(fold(query)).split()
    if not words:
        return ""
    petitions = PetitionPage.objects.live().public().select_related("agency")
    if root is not None:
        petitions = petitions.descendant_of(root, inclusive=True)
    for word in words:
        petitions = petitions.filter(search_text__contains=word)
    found = list(petitions.order_by("-received_on")[:SECTION_SIZE])
    if not found:
        return ""
    return render_to_string("petitions/includes/search_section.html", {"petitions": found}, request)
