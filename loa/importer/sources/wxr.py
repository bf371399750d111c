"""WordPress export (WXR): posts and pages with their categories, tags, authors, featured images and files.

The file is read twice with lxml's iterparse (attachments and authors first, then the posts), so a
large export never sits in memory whole; entities and network access are off.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..items import Attachment, SourceItem
from ..writer import Outcome, aware

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
DOCUMENT_TYPES = ("application/pdf", "application/msword",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx")
MAX_FILE_BYTES = 500 * 1024 * 1024


class WxrError(ValueError):
    pass


def _ns(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def _text(el, path: str) -> str:
    found = el.find(path, NS)
    return (found.text or "").strip() if found is not None and found.text else ""


def _items(path: Path, tag: str = "item"):
    parser_args = {"events": ("end",), "tag": tag, "resolve_entities": False, "no_network": True,
                   "huge_tree": False, "recover": False}
    try:
        for _, el in etree.iterparse(str(path), **parser_args):
            yield el
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise WxrError(f"tệp WXR hỏng: {exc}") from exc


def site_url(path: Path) -> str:
    for _, el in etree.iterparse(str(path), events=("end",), tag=(_ns("wp:base_blog_url"), "link"),
                                 resolve_entities=False, no_network=True):
        if el.text and el.text.strip().startswith("http"):
            return el.text.strip()
    return ""


def _post_date(item) -> datetime | None:
    for field in ("wp:post_date", "wp:post_date_gmt"):
        raw = _text(item, field)
        if raw and not raw.startswith("0000"):
            try:
                value = datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            if field.endswith("gmt"):
                return value.replace(tzinfo=UTC)
            return aware(value)
    return None


def read_wxr(path: str | Path) -> Iterator[SourceItem | Outcome]:
    path = Path(path)
    if not path.is_file():
        raise WxrError(f"không có tệp {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise WxrError(f"tệp WXR quá lớn ({path.stat().st_size // 1024 // 1024} MB)")
    base = site_url(path)
    authors: dict[str, str] = {}
    for author in _items(path, _ns("wp:author")):
        login = _text(author, "wp:author_login")
        name = _text(author, "wp:author_display_name") or " ".join(
            p for p in (_text(author, "wp:author_first_name"), _text(author, "wp:author_last_name")) if p)
        if login:
            authors[login] = name or login
    files: dict[str, dict] = {}
    children: dict[str, list[str]] = {}
    for item in _items(path):
        if _text(item, "wp:post_type") != "attachment":
            continue
        post_id = _text(item, "wp:post_id")
        url = _text(item, "wp:attachment_url") or _text(item, "guid")
        files[post_id] = {"url": url, "title": _text(item, "title"), "mime": _text(item, "wp:post_mime_type")}
        children.setdefault(_text(item, "wp:post_parent"), []).append(post_id)
    seen: set[str] = set()
    for item in _items(path):
        post_type = _text(item, "wp:post_type")
        if post_type not in ("post", "page"):
            continue
        post_id = _text(item, "wp:post_id")
        link = _text(item, "link") or (urljoin(base, f"/?p={post_id}") if base else "")
        key = _text(item, "guid") or link
        title = _text(item, "title")
        source = SourceItem(key=key or f"wxr:{post_id}", url=link, title=title,
                            body_html=_text(item, "content:encoded"), kind="info" if post_type == "page" else "")
        if _text(item, "wp:status") != "publish":
            yield Outcome("skipped", "article", source, f"chưa đăng trên trang cũ (trạng thái {_text(item, 'wp:status')})")
            continue
        if source.key in seen:
            yield Outcome("skipped", "article", source, "trùng lặp trong tệp xuất")
            continue
        seen.add(source.key)
        source.date = _post_date(item)
        source.summary = _text(item, "excerpt:encoded")
        creator = _text(item, "dc:creator")
        source.author = authors.get(creator, creator)
        for category in item.findall("category"):
            name = " ".join((category.text or "").split())
            if not name:
                continue
            if category.get("domain") == "category":
                source.categories.append(name)
            elif category.get("domain") == "post_tag":
                source.tags.append(name)
        meta = {_text(m, "wp:meta_key"): _text(m, "wp:meta_value") for m in item.findall("wp:postmeta", NS)}
        thumbnail = files.get(meta.get("_thumbnail_id", ""))
        if thumbnail:
            source.cover_url = thumbnail["url"]
        for child in children.get(post_id, []):
            info = files[child]
            if info["mime"] in DOCUMENT_TYPES or urlsplit(info["url"]).path.lower().endswith(DOCUMENT_EXTENSIONS):
                source.attachments.append(Attachment(info["url"], info["title"]))
        if base and post_id:
            short = urljoin(base, f"/?p={post_id}")
            if short != link:
                source.old_urls.append(short)
        yield source


def hosts_of(path: str | Path) -> set[str]:
    from ..http import host_of

    base = site_url(Path(path))
    return {host_of(base)} if base else set()
