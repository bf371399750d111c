"""An old page's body HTML -> Loa article blocks (headings, paragraphs, lists, tables, quotes, images).

Everything that reaches a rich-text value goes through Loa's sanitizer (loa.core.sanitize); script,
style, frames and forms are dropped and counted, so the report can say a body was cleaned. Images are
returned with their source URL: the writer downloads them and fills in the Wagtail image.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from loa.core.sanitize import sanitize_html
from loa.core.text import html_to_text

DROPPED = {"script", "style", "iframe", "object", "embed", "form", "noscript", "template", "svg", "math",
           "button", "input", "select", "textarea", "link", "meta"}
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
INLINE = {"a", "b", "strong", "i", "em", "u", "span", "sup", "sub", "br", "font", "small", "big", "abbr", "code",
          "mark", "s", "strike", "del", "ins", "q", "cite", "time", "label"}
ATTACHMENT_RE = re.compile(r"\.(pdf|docx?|rtf|odt)(\?|#|$)", re.I)
CAPTION_SHORTCODE = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
SHORTCODE = re.compile(r"\[/?[a-z_][a-z0-9_-]*(?:\s[^\]]*)?\]", re.I)
MAX_HEADING = 300
MAX_CAPTION = 500
MAX_ALT = 250


@dataclass
class Converted:
    blocks: list[dict] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # absolute URLs, in order
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (absolute URL, link text)
    removed: list[str] = field(default_factory=list)  # dropped element names (script, style, ...)

    @property
    def text(self) -> str:
        return " ".join(_block_text(b) for b in self.blocks)


def _block_text(block: dict) -> str:
    value = block["value"]
    if block["type"] == "paragraph":
        return html_to_text(value["text"])
    if block["type"] == "list":
        return " ".join(html_to_text(i) for i in value["items"])
    return value.get("text") or value.get("caption") or ""


def _id() -> str:
    return str(uuid.uuid4())


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _inner_html(el) -> str:
    parts = [el.text or ""]
    for child in el:
        parts.append(etree.tostring(child, encoding="unicode", method="html", with_tail=True))
    return "".join(parts)


def wpautop(markup: str) -> str:
    """WordPress stores paragraphs as blank-line-separated text; give them <p> tags as WordPress shows them."""
    if re.search(r"<p[\s>]", markup, re.I):
        return markup
    chunks = [c.strip() for c in re.split(r"\n\s*\n", markup) if c.strip()]
    return "".join(c if re.match(r"<(h\d|ul|ol|table|figure|blockquote|div)", c, re.I) else f"<p>{c}</p>"
                   for c in chunks)


def prepare_wordpress(markup: str) -> str:
    markup = CAPTION_SHORTCODE.sub(lambda m: _caption_figure(m.group(1)), markup or "")
    markup = SHORTCODE.sub("", markup)
    return wpautop(markup)


def _caption_figure(inner: str) -> str:
    match = re.search(r"(<a[^>]*>\s*)?<img[^>]*>(\s*</a>)?", inner, re.I)
    if not match:
        return inner
    caption = (inner[:match.start()] + inner[match.end():]).strip()
    return f"<figure>{match.group(0)}<figcaption>{caption}</figcaption></figure>"


class _Builder:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.out = Converted()
        self.inline: list[str] = []  # pending inline HTML of the current paragraph

    # -- output ---------------------------------------------------------------------------
    def flush(self) -> None:
        markup = "".join(self.inline).strip()
        self.inline = []
        if not markup:
            return
        clean = sanitize_html(markup)
        clean = re.sub(r"^(\s*<br>\s*)+|(\s*<br>\s*)+$", "", clean)
        if html_to_text(clean):
            self.out.blocks.append({"type": "paragraph", "id": _id(),
                                    "value": {"text": f"<p>{clean}</p>", "skip_reading": False}})

    def heading(self, el) -> None:
        text = _text(el)[:MAX_HEADING]
        if text:
            self.out.blocks.append({"type": "heading", "id": _id(),
                                    "value": {"text": text, "level": HEADINGS[el.tag], "skip_reading": False}})

    def image(self, img, caption: str = "") -> None:
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.startswith("data:"):
            return
        url = urljoin(self.base_url, src)
        alt = " ".join((img.get("alt") or "").split())[:MAX_ALT]
        caption = " ".join((caption or img.get("title") or "").split())[:MAX_CAPTION]
        self.out.images.append(url)
        self.out.blocks.append({"type": "image", "id": _id(),
                                "value": {"image": None, "src": url, "alt_text": alt, "caption": caption,
                                          "skip_reading": False}})

    def list_block(self, el) -> None:
        items = []
        for li in el.iterchildren("li"):
            for nested in li.findall(".//ul") + li.findall(".//ol"):
                nested.drop_tree()
            self._collect_links(li)
            clean = sanitize_html(_inner_html(li)).strip()
            if html_to_text(clean):
                items.append(f"<p>{clean}</p>" if not clean.startswith("<p") else clean)
        if items:
            marker = "number" if el.tag == "ol" else "dash"
            self.out.blocks.append({"type": "list", "id": _id(),
                                    "value": {"marker": marker, "nested": False, "items": items,
                                              "skip_reading": False}})

    def table(self, el) -> None:
        """Article bodies have no table block: each row becomes a list item, left out of the audio like tables."""
        rows = []
        for tr in el.iter("tr"):
            cells = [_text(cell) for cell in tr if cell.tag in ("td", "th")]
            cells = [c for c in cells if c]
            if cells:
                rows.append("<p>" + sanitize_html(" – ".join(cells).replace("<", "&lt;")) + "</p>")
        if rows:
            self.out.blocks.append({"type": "list", "id": _id(),
                                    "value": {"marker": "disc", "nested": False, "items": rows, "skip_reading": True}})

    def quote(self, el) -> None:
        text = _text(el)
        if text:
            self.out.blocks.append({"type": "quote", "id": _id(),
                                    "value": {"text": text, "attribution": "", "skip_reading": False}})

    # -- walking --------------------------------------------------------------------------
    def _collect_links(self, el) -> None:
        for a in el.iter("a"):
            href = (a.get("href") or "").strip()
            if href and ATTACHMENT_RE.search(href):
                self.out.attachments.append((urljoin(self.base_url, href), _text(a)))

    def walk(self, el) -> None:
        if el.text:
            self.inline.append(_escape(el.text))
        for child in el:
            self.node(child)
            if child.tail:
                self.inline.append(_escape(child.tail))

    def node(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comments, processing instructions
            return
        tag = tag.lower()
        if tag in DROPPED:
            self.out.removed.append(tag)
            return
        if tag == "img":
            self.flush()
            self.image(el)
            return
        if tag in INLINE:
            if tag == "a":
                self._collect_links(el)
            if el.find(".//img") is not None:  # an image inside a link or span: take it out as a block
                for img in el.iter("img"):
                    self.flush()
                    self.image(img)
                return
            copy = lxml.html.fromstring(etree.tostring(el, encoding="unicode", method="html", with_tail=False))
            for bad in [e for e in copy.iter() if isinstance(e.tag, str) and e.tag.lower() in DROPPED]:
                self.out.removed.append(bad.tag.lower())
                bad.drop_tree()
            self.inline.append(etree.tostring(copy, encoding="unicode", method="html", with_tail=False))
            return
        self.flush()
        if tag in HEADINGS:
            self.heading(el)
        elif tag in ("ul", "ol"):
            self.list_block(el)
        elif tag == "table":
            self.table(el)
        elif tag == "blockquote":
            self.quote(el)
        elif tag == "figure":
            caption_el = el.find(".//figcaption")
            caption = _text(caption_el) if caption_el is not None else ""
            for img in el.iter("img"):
                self.image(img, caption)
        elif tag in ("div", "p") and "wp-caption" in (el.get("class") or "") and el.find(".//img") is not None:
            caption_el = el.find(".//*[@class='wp-caption-text']")
            caption = _text(caption_el) if caption_el is not None else ""
            for img in el.iter("img"):
                self.image(img, caption)
        elif tag == "hr":
            pass
        else:  # p, div, section, article, center, ...: their content, then a paragraph break
            self.walk(el)
        self.flush()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_to_blocks(markup: str, base_url: str = "") -> Converted:
    """Blocks for the body `markup`; images and attachment links resolved against `base_url`."""
    builder = _Builder(base_url)
    if not (markup or "").strip():
        return builder.out
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return builder.out
    builder.walk(root)
    builder.flush()
    return builder.out
