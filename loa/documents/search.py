"""The documents' section of the site search: a số ký hiệu as typed, or words of the title, trích yếu and text."""
from __future__ import annotations

from urllib.parse import urlencode

from loa.core.search import search_section

from .filters import match_query
from .models import DocumentIndexPage, live_documents


def library_url(request, query: str) -> str:
    """The library's own search for the same query (every match, with filters)."""
    index = DocumentIndexPage.objects.live().public().first()
    return f"{index.get_url(request)}?{urlencode({'q': query})}" if index else ""


site_search_section = search_section("documents/includes/search_section.html", "documents", live_documents, 5,
                                     match=match_query, more=library_url)
