"""The article of a host page: its blocks (elements the browser will find again) and what to read in them.

A block is a paragraph-like element (p, h1-h6, li, blockquote, dd, dt) inside the
article; its `text` is the element's textContent as the browser computes it, and the
reading units carry offsets into that text (UTF-16 code units), so the script can find
the same element in the host's DOM by its text and highlight sentences and words in it.

The article is the first element the site's CSS selector matches; without a selector
the first `[itemprop=articleBody]`, `article` or `main`, else the paragraphs that
trafilatura (a maintained main-content extractor) keeps. The site's skip selectors,
scripts, styles, navigation, forms, figures and tables are not read.

Hostile pages are bounded: the parse is libxml2's (no recursion in Python; it flattens
absurd nesting), the element count is capped, and at most `max_chars` are read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from loa.readaloud.service import readable_pieces

BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt")
SKIP_TAGS = ("script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea",
             "figure", "figcaption", "table", "iframe", "svg", "object", "video", "audio", "pre", "code")
SKIP_MARK = "data-readaloud-skip"
AUTO_ROOTS = ("[itemprop=articleBody]", "article", "main", "[role=main]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


class NoArticle(Exception):
    """The page has nothing to read; `code` says why (no_article, too_complex, bad_html)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Article:
    title: str
    blocks: list[dict] = field(default_factory=list)  # {"tag", "text"}
    units: list[dict] = field(default_factory=list)  # {"block": "<index>", "offset", "text"}
    chars: int = 0
    truncated: bool = False


def decode(body: bytes, charset: str = "") -> str:
    """The page as text: the header's charset, else the page's <meta>, else UTF-8; bad bytes become U+FFFD."""
    for candidate in (charset, _meta_charset(body), "utf-8"):
        if not candidate:
            continue
        try:
            return _XML_DECL.sub("", body.decode(candidate, errors="replace"))
        except LookupError:
            continue
    return body.decode("utf-8", errors="replace")


def _meta_charset(body: bytes) -> str:
    found = _META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii").lower() if found else ""


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def extract_article(html: str, selector: str = "", skip: list[str] | None = None, max_chars: int = 60_000,
                    max_elements: int = 60_000) -> Article:
    try:
        document = lxml.html.document_fromstring(html) if html.strip() else None
    except (etree.ParserError, ValueError) as exc:
        raise NoArticle("bad_html", "Không đọc được mã HTML của trang.") from exc
    if document is None:
        raise NoArticle("no_article", "Trang trống.")
    count = sum(1 for _ in document.iter())
    if count > max_elements:
        raise NoArticle("too_complex", f"Trang có quá nhiều phần tử ({count:,}).".replace(",", "."))
    for element in document.iter(*SKIP_TAGS):
        element.set(SKIP_MARK, "")
    for rule in skip or []:
        for element in _select(document, rule):
            element.set(SKIP_MARK, "")
    title = _title(document)
    if selector:
        roots = _select(document, selector)
        if not roots:
            raise NoArticle("no_article", "Bộ chọn của phần bài viết không khớp phần tử nào trên trang này.")
        candidates = _blocks_in(roots[0])
    else:
        candidates = _auto_blocks(document, html)
    if not candidates:
        raise NoArticle("no_article", "Không tìm thấy nội dung bài viết trên trang này.")
    heading = _page_heading(document)
    if heading is not None and heading not in candidates and not _is_skipped(heading):
        candidates.insert(0, heading)
    return _article(title, candidates, max_chars)


def _select(document, rule: str) -> list:
    try:
        return CSSSelector(rule)(document)
    except (SelectorError, ValueError, etree.XPathError):
        return []


def _title(document) -> str:
    heading = _page_heading(document)
    if heading is not None:
        return squash(heading.text_content())[:500]
    found = document.find(".//title")
    return squash(found.text_content())[:500] if found is not None else ""


def _page_heading(document):
    for heading in document.iter("h1"):
        if squash(heading.text_content()):
            return heading
    return None


def _is_skipped(element) -> bool:
    return any(SKIP_MARK in node.attrib for node in element.iterancestors()) or SKIP_MARK in element.attrib


def _blocks_in(root) -> list:
    if root.tag in BLOCK_TAGS:
        return [root]
    return [element for element in root.iter(*BLOCK_TAGS) if not _is_skipped(element)]


def _auto_blocks(document, html: str) -> list:
    for rule in AUTO_ROOTS:
        for root in _select(document, rule):
            blocks = _blocks_in(root)
            if sum(len(squash(b.text_content())) for b in blocks) >= 200:
                return blocks
    import trafilatura

    kept = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
    kept_text = squash(kept)
    if not kept_text:
        return []
    body = document.find("body")
    return [element for element in (body if body is not None else document).iter(*BLOCK_TAGS)
            if not _is_skipped(element) and (text := squash(element.text_content())) and text in kept_text]


def _article(title: str, candidates: list, max_chars: int) -> Article:
    article = Article(title)
    nested = set(candidates)
    for element in candidates:
        inner = [child for child in element.iterdescendants(*BLOCK_TAGS) if child in nested]
        for child in inner:  # read in their own block, not twice
            child.set(SKIP_MARK, "")
        markup = lxml.html.tostring(element, encoding="unicode", with_tail=False)
        for child in inner:
            del child.attrib[SKIP_MARK]
        pieces = readable_pieces(markup)
        if not pieces:
            continue
        size = sum(len(piece.text) for piece in pieces)
        if article.chars + size > max_chars:
            article.truncated = True
            break
        index = str(len(article.blocks))
        article.blocks.append({"tag": element.tag, "text": element.text_content()})
        article.units.extend({"block": index, "offset": p.offset, "text": p.text} for p in pieces)
        article.chars += size
    if not article.units:
        raise NoArticle("no_article", "Không tìm thấy nội dung bài viết trên trang này.")
    return article
