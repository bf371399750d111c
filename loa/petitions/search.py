"""The petitions' section of the site search: every word in the folded text (diacritics and case ignored)."""
from __future__ import annotations

from loa.core.search import every_word_match, search_section

from .pages import PetitionPage

SECTION_SIZE = 8


def _petitions():
    return PetitionPage.objects.live().public().select_related("agency").order_by("-received_on")


site_search_section = search_section("petitions/includes/search_section.html", "petitions", _petitions,
                                     SECTION_SIZE, match=every_word_match)
