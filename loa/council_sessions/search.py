"""The sessions' section of the site search: title, place, summary and agenda (diacritics and case ignored)."""
from __future__ import annotations

from loa.core.search import search_section

from .models import SessionPage

site_search_section = search_section("kyhop/includes/search_section.html", "sessions",
                                     lambda: SessionPage.objects.live().public(), 5)
