"""Allow-list sanitizer for rich text stored in Wagtail's database format.

The admin's editor can only produce the allowed features, but content also
arrives by other paths (imports, the shell, scripts); everything stored in an
article body goes through here so that no markup can run in a visitor's browser.
Internal links keep Wagtail's `<a linktype="page" id="…">` form.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

ALLOWED_TAGS = {"p", "b", "strong", "i", "em", "a", "sup", "sub", "br"}
VOID_TAGS = {"br"}
DROP_CONTENT_TAGS = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "textarea"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_TYPES = {"page", "document"}
# Page and document ids as Wagtail stores them: ASCII digits only ("²".isdigit() is True), short
# enough for the database's integer column.
LINK_ID_RE = re.compile(r"[0-9]{1,9}")


def _safe_href(value: str) -> bool:
    value = value.strip()
    # Browsers read a backslash as "/" in http(s) URLs: "/\evil.example" means "//evil.example".
    if not value or "\\" in value or any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return False
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError for a malformed host or port ("http://[::1")
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    return scheme in SAFE_SCHEMES or (not scheme and not value.startswith("//"))


def _link_id(value: str) -> bool:
    return LINK_ID_RE.fullmatch(value) is not None


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_CONTENT_TAGS:
            self.dropping += 1
            return
        if self.dropping or tag not in ALLOWED_TAGS:
            return
        kept = []
        values = {name: (value or "") for name, value in attrs}
        if tag == "a":
            if values.get("linktype") in LINK_TYPES and _link_id(values.get("id", "")):
                kept = [("linktype", values["linktype"]), ("id", values["id"])]
            elif "href" in values and _safe_href(values["href"]):
                kept = [("href", values["href"].strip())]
        elif tag == "p" and values.get("data-block-key", "").isalnum():
            kept = [("data-block-key", values["data-block-key"])]
        rendered = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in kept)
        self.out.append(f"<{tag}{rendered}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        if tag in DROP_CONTENT_TAGS:
            return
        self.handle_starttag(tag, attrs)
        if tag in self.open and self.open[-1] == tag and tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_CONTENT_TAGS:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        while self.open:  # close anything left open inside, keeping the output well formed
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


def sanitize_html(markup: str) -> str:
    parser = _Sanitizer()
    parser.feed(markup or "")
    return parser.result()
