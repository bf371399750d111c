"""The delegates' section of the site search: họ tên, chức vụ, đơn vị (diacritics and case ignored)."""
from __future__ import annotations

from django.template.loader import render_to_string

from loa.core.text import search_words

from .models import DelegatePage

SECTION_SIZE = 8


def site_search_section(request, query: str, root) -> str:
    words = search_words(query, folded=True)
    if not words:
        return ""
    delegates = DelegatePage.objects.live().public()
    if root is not None:
        delegates = delegates.descendant_of(root, inclusive=True)
    found = list(delegates.search(words, operator="and")[:SECTION_SIZE])
    if not found:
        return ""
    return render_to_string("delegates/includes/search_section.html", {"delegates": found}, request)
