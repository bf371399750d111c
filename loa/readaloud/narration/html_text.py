"""The readable pieces of an HTML fragment, with their offsets in its DOM `textContent`.

The player highlights sentences by character offsets into a block element's
`textContent`, so the server must count characters exactly as the browser
does: every text node counts (also whitespace between tags), markup and
comments do not, entities count as the characters they stand for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that start a new unit of speech (a line: own sentence, pause after).
BREAK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "section",
    "td", "th", "tr", "ul",
})
# Elements whose text is shown but not read: code, tables, scripts.
SKIPPED_TAGS = frozenset({"code", "kbd", "pre", "samp", "script", "style", "table", "template", "textarea"})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
})
_NEWLINES = re.compile(r"\r\n?")


@dataclass(frozen=True)
class TextPiece:
    offset: int  # in the fragment's textContent, in UTF-16 code units (as the DOM counts)
    text: str


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.position = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) of open elements
        self.pieces: list[TextPiece] = []
        self._start = 0
        self._buffer: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BREAK_TAGS:
            self.flush()
        if tag in VOID_TAGS:
            return
        names = dict(attrs)
        skipped = (
            self.skipping or tag in SKIPPED_TAGS
            or "data-readaloud-skip" in names or names.get("aria-hidden") == "true"
        )
        self.stack.append((tag, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BREAK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BREAK_TAGS:
            self.flush()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            if not self._buffer:
                self._start = self.position
            self._buffer.append(data)
        elif self._buffer:
            self.flush()
        self.position += utf16_len(data)

    def flush(self) -> None:
        if not self._buffer:
            return
        text = "".join(self._buffer)
        self._buffer = []
        stripped = text.lstrip()
        offset = self._start + utf16_len(text) - utf16_len(stripped)
        stripped = stripped.rstrip()
        if stripped:
            self.pieces.append(TextPiece(offset, stripped))


def readable_pieces(markup: str) -> list[TextPiece]:
    """The pieces of text to read in `markup`, split at block-level elements, skipping code and tables."""
    # Browsers turn CR LF and lone CR into LF before parsing.
    collector = _Collector()
    collector.feed(_NEWLINES.sub("\n", markup))
    collector.close()
    collector.flush()
    return collector.pieces


def text_content(markup: str) -> str:
    """The fragment's textContent, as a browser computes it (used by tests and checks)."""
    collector = _TextContent()
    collector.feed(_NEWLINES.sub("\n", markup))
    collector.close()
    return "".join(collector.parts)


class _TextContent(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
