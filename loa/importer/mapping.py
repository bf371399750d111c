"""The mapping file (TOML): how the old portal's categories, pages and fields land in Loa.

    [defaults]
    category = "Tin tức"          # articles with no mapped category go here (created if missing)
    author = ""                   # when the old page names none
    source = "Văn phòng HĐND tỉnh"
    issuer = "Hội đồng nhân dân tỉnh"   # cơ quan ban hành when a document does not say
    doc_type = "Văn bản khác"

    [categories]                  # old category -> Loa chuyên mục (created if missing)
    "Tin hoạt động" = "Hoạt động HĐND"
    "Tin địa phương" = ""         # empty: the default category

    [pages]                       # which old URLs are what (fnmatch patterns on path?query)
    articles = ["/tin-tuc/*"]
    documents = ["/van-ban/*"]
    info = ["/gioi-thieu*"]
    skip = ["/lich/*", "*?*sort=*"]

    [selectors]                   # CSS selectors for `loa import site` when the extractor misses
    title = "h1.tieu-de"
    date = ".ngay-dang"
    body = "div.noi-dung"
    summary = ".sapo"
    author = ".tac-gia"
    links = "a.xem-tiep"          # links a crawl follows (else every link within the host)
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


class MappingError(ValueError):
    pass


@dataclass
class Mapping:
    default_category: str = "Tin tức"
    author: str = ""
    source: str = ""
    issuer: str = "Hội đồng nhân dân tỉnh"
    doc_type: str = "Văn bản khác"
    categories: dict[str, str] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)
    selectors: dict[str, str] = field(default_factory=dict)

    def category_for(self, old: list[str]) -> str:
        """The Loa category of an item: its first mapped old category, else the first old one, else the default."""
        folded = {k.casefold(): v for k, v in self.categories.items()}
        for name in old:
            if name.casefold() in folded:
                return folded[name.casefold()] or self.default_category
        return old[0] if old else self.default_category

    def kind_for(self, url: str, declared: str = "") -> str:
        """article, document, info or skip for an old URL (the mapping wins over what the source declared)."""
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for kind, patterns in (("skip", self.skip), ("document", self.documents), ("info", self.info),
                               ("article", self.articles)):
            if any(fnmatch.fnmatchcase(target, p) or fnmatch.fnmatchcase(url, p) for p in patterns):
                return kind
        return declared or "article"


def load_mapping(path: str | Path | None) -> Mapping:
    if not path:
        return Mapping()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(f"không đọc được tệp ánh xạ {path}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MappingError(f"tệp ánh xạ {path} sai cú pháp TOML: {exc}") from exc
    defaults, pages = data.get("defaults", {}), data.get("pages", {})
    known = {"defaults", "categories", "pages", "selectors"}
    if unknown := set(data) - known:
        raise MappingError(f"tệp ánh xạ có mục lạ: {', '.join(sorted(unknown))} (chỉ có {', '.join(sorted(known))})")
    def strings(value, where: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise MappingError(f"[pages] {where} phải là danh sách chuỗi")
        return value
    return Mapping(
        default_category=str(defaults.get("category", "Tin tức")),
        author=str(defaults.get("author", "")),
        source=str(defaults.get("source", "")),
        issuer=str(defaults.get("issuer", "Hội đồng nhân dân tỉnh")),
        doc_type=str(defaults.get("doc_type", "Văn bản khác")),
        categories={str(k): str(v) for k, v in data.get("categories", {}).items()},
        articles=strings(pages.get("articles", []), "articles"),
        documents=strings(pages.get("documents", []), "documents"),
        info=strings(pages.get("info", []), "info"),
        skip=strings(pages.get("skip", []), "skip"),
        selectors={str(k): str(v) for k, v in data.get("selectors", {}).items()},
    )
