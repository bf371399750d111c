"""Plain-text helpers: diacritic folding for search, text extraction from bodies."""
from __future__ import annotations

import html
import re
import unicodedata

from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString

_BLOCK_TAG_RE = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|hr)\b[^>]*>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")
_FOLDED_WORD_RE = re.compile(r"[0-9a-z]+")
MAX_SEARCH_TERMS = 16


def fold(text: str) -> str:
    """Lower-case `text` and strip Vietnamese diacritics ("Hội đồng" -> "hoi dong").

    NFD splits a precomposed letter into base + combining marks; dropping the
    marks leaves ASCII for Vietnamese except đ/Đ, which has no decomposition.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE_RE.sub(" ", stripped.lower()).strip()


def search_words(text: str, *, folded: bool = False) -> str:
    """The first `MAX_SEARCH_TERMS` words of a visitor's query, space-separated, with no character
    any search backend reads as syntax.

    Quotes, parentheses, `*`, `:`, `^`, `-`, `|` ... mean something to SQLite FTS5 or PostgreSQL's
    tsquery; a query is only ever a list of words here. `folded=True` folds the query first and
    keeps only ASCII letters and digits, for matching a folded `search_text` column.
    """
    words = _FOLDED_WORD_RE.findall(fold(text)) if folded else _WORD_RE.findall(text or "")
    return " ".join(words[:MAX_SEARCH_TERMS])


def html_to_text(markup: str) -> str:
    """Visible text of a small HTML fragment (rich text), whitespace collapsed."""
    text = _TAG_RE.sub("", _BLOCK_TAG_RE.sub(" ", markup or ""))
    return _SPACE_RE.sub(" ", html.unescape(text)).strip()


def paragraphs_html(text: str) -> SafeString:
    """Blank lines separate <p> paragraphs; single newlines become <br>."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((SafeString(escape(part).replace("\n", "<br>")),) for part in parts))
