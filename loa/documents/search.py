"""The documents' section of the site search: a số ký hiệu as typed, or words of the title, trích yếu and text."""
from __future__ import annotations

from urllib.parse import urlencode

from django.template.loader import render_to_string

from .models import DocumentIndexPage, live_documents, match_query

SECTION_SIZE = 5


def site_search_section(request, query: str, root) -> str:
    if not query:
        return ""
    documents = live_documents()
    if root is not None:
        documents = documents.descendant_of(root, inclusive=True)
    matches = match_query(documents, query)
    total = matches.count()
    if not total:
        return ""
    index = DocumentIndexPage.objects.live().public().first()
    more_url = f"{index.get_url(request)}?{urlencode({'q': query})}" if index and total > SECTION_SIZE else ""
    return render_to_string("documents/includes/search_section.html", {
        "documents": matches[:SECTION_SIZE], "total": total, "more_url": more_url,
    }, request)
