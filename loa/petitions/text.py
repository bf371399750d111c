"""Plain text as the escaped paragraphs the pages show (and read aloud: both use this one rendering)."""
from __future__ import annotations

from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString


def paragraphs_html(text: str) -> SafeString:
    """Blank lines separate <p> paragraphs; single newlines become <br>."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((SafeString(escape(part).replace("\n", "<br>")),) for part in parts))
