"""One SourceItem -> one published Loa page (article, document or info page), with its redirects, atomically.

Downloads happen before the transaction; the page, its revision, its redirects and the ImportedItem
row are written together, so a failure or a kill never leaves a half-made page, and the next run
finds the item either done (skipped when unchanged) or not started.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from loa.core.text import fold, html_to_text
from loa.documents.models import DocumentAttachment, DocumentIndexPage, DocumentPage, DocumentType, IssuingBody
from loa.infopages.models import InfoPage
from loa.pages.models import ArticlePage, CategoryPage, HomePage
from loa.readaloud.service import narration_deferred

from . import docmeta, legacy
from .html_blocks import html_to_blocks, prepare_wordpress
from .items import Attachment, SkipItem, SourceItem
from .mapping import Mapping
from .media import MediaError, MediaStore
from .models import ImportedItem, ImportRun, key_hash

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_TITLE = 255
MAX_SUMMARY = 1000


@dataclass
class Outcome:
    status: str  # created, updated, skipped, failed
    kind: str
    item: SourceItem
    reason: str = ""
    page: Page | None = None
    notes: list[str] = field(default_factory=list)


def _slug(text: str, fallback: str = "trang") -> str:
    return (slugify(fold(text))[:80].strip("-") or fallback)


def _unique_slug(parent: Page, base: str, page: Page | None = None) -> str:
    siblings = parent.get_children().exclude(pk=page.pk if page and page.pk else None)
    slug, n = base, 1
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:76]}-{n}"
    return slug


def old_path(url: str) -> str:
    parts = urlsplit(url)
    return Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))


def _summary(item: SourceItem, text: str) -> str:
    """The old page's own summary (excerpt, sapo) only: one made from the body would be read aloud twice."""
    summary = html_to_text(item.summary) if item.summary else ""
    return "" if summary and text.strip().startswith(summary.rstrip(".…")) else summary[:MAX_SUMMARY]


def _publish(page: Page) -> None:
    with narration_deferred():
        page.save_revision().publish()


def _create_live(parent: Page, page: Page, published: datetime | None) -> None:
    """A new page, live from the start, with its revision: what publishing a first revision leaves behind.

    Wagtail's publish action re-reads the revision and saves the page again, which is most of an
    import's time; a new imported page has nothing to compare with, so it is written once. Its audio
    comes from the backfill (publishing signals are what an import defers anyway), the search index
    is updated on save, and the run clears the page cache at its end.
    """
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at, page.last_published_at = published or now, now
    parent.add_child(instance=page)
    revision = page.save_revision(changed=False, clean=False)
    type(page).objects.filter(pk=page.pk).update(live_revision=revision)
    page.live_revision = revision


def edited_since_import(record: ImportedItem) -> bool:
    """Whether someone saved a revision of the imported page after the import wrote it.

    The import's own revision is older than the record it updates last (`_finish`).
    """
    latest = record.page.get_latest_revision()
    return latest is not None and latest.created_at > record.updated_at


class Writer:
    def __init__(self, mapping: Mapping, media: MediaStore, run: ImportRun | None, dry_run: bool = False,
                 wordpress: bool = False, overwrite_edited: bool = False) -> None:
        self.overwrite_edited = overwrite_edited
        self.mapping = mapping
        self.media = media
        self.run = run
        self.dry_run = dry_run
        self.wordpress = wordpress
        self._categories: dict[str, CategoryPage] = {}
        self.home = HomePage.objects.first()
        self.unmapped: list[tuple[str, str]] = []  # (old URL, reason)

    # -- the home page and containers -------------------------------------------------------
    def require_home(self) -> HomePage:
        if self.home is None:
            raise SkipItem("chưa có Trang chủ (HomePage): chạy `loa migrate` và tạo trang chủ trước")
        return self.home

    def category(self, name: str) -> CategoryPage:
        if name in self._categories:
            return self._categories[name]
        home = self.require_home()
        found = CategoryPage.objects.child_of(home).filter(title__iexact=name).first()
        if found is None:
            found = CategoryPage(title=name[:MAX_TITLE], slug=_unique_slug(home, _slug(name, "chuyen-muc")),
                                 show_in_menus=True)
            home.add_child(instance=found)
            _publish(found)
            found.refresh_from_db()
        self._categories[name] = found
        return found

    def library(self) -> DocumentIndexPage:
        found = DocumentIndexPage.objects.first()
        if found is None:
            home = self.require_home()
            found = DocumentIndexPage(title="Văn bản", slug=_unique_slug(home, "van-ban"), show_in_menus=True)
            home.add_child(instance=found)
            _publish(found)
            found.refresh_from_db()
        return found

    # -- one item ---------------------------------------------------------------------------
    def write(self, item: SourceItem) -> Outcome:
        kind = self.mapping.kind_for(item.url, item.kind)
        if kind == "skip":
            return Outcome("skipped", kind, item, "bỏ qua theo tệp ánh xạ [pages] skip")
        record = ImportedItem.objects.filter(key_hash=key_hash(item.key)).select_related("page").first()
        digest = item.content_hash()
        if record and record.content_hash == digest and record.page_id:
            return Outcome("skipped", kind, item, "không thay đổi từ lần nhập trước", page=record.page)
        if record and record.page_id and not self.overwrite_edited and edited_since_import(record):
            return Outcome("skipped", kind, item, "trang đã được sửa trong Loa sau lần nhập trước: giữ bản đã sửa "
                           "(--overwrite-edited để ghi đè)", page=record.page)
        try:
            notes = self._clean(item)
            if not item.title.strip():
                raise SkipItem("không có tiêu đề")
            if item.date is None:
                raise SkipItem("không có ngày đăng")
            if kind == "document":
                return self._document_item(item, record, digest, notes)
            return self._article_item(item, kind, record, digest, notes)
        except SkipItem as exc:
            return Outcome("skipped" if record is None else "failed", kind, item, str(exc))

    def _clean(self, item: SourceItem) -> list[str]:
        notes = list(item.notes)
        sample = " ".join([item.title, item.summary, html_to_text(item.body_html)[:20000]])
        found = legacy.detect(sample)
        if found.status == "converted":
            convert = found.converter
            item.title, item.summary = convert(item.title), convert(item.summary)
            item.body_html = convert_html_text(item.body_html, convert)
            item.categories = [convert(c) for c in item.categories]
            item.encoding = found.encoding
            notes.append(f"đã chuyển mã {found.encoding} sang Unicode")
        elif found.status == "unsure":
            notes.append(f"nghi là mã cũ ({found.encoding}), không chắc chắn: giữ nguyên, cần kiểm tra")
        item.title = " ".join(item.title.split())[:MAX_TITLE]
        return notes

    def _blocks(self, item: SourceItem, notes: list[str]) -> tuple[list[dict], int | None, list]:
        markup = prepare_wordpress(item.body_html) if self.wordpress else item.body_html
        converted = html_to_blocks(markup, base_url=item.url)
        if converted.removed:
            kinds = sorted(set(converted.removed))
            notes.append(f"đã bỏ {len(converted.removed)} thẻ {', '.join(kinds)}")
        blocks, cover = [], None
        for block in converted.blocks:
            if block["type"] != "image":
                blocks.append(block)
                continue
            value = block["value"]
            try:
                image_id = self.media.image(value["src"], value["alt_text"] or value["caption"] or item.title)
            except MediaError as exc:
                notes.append(f"bỏ ảnh {value['src']}: {exc}")
                continue
            cover = cover or image_id
            block["value"] = {"image": image_id, "alt_text": value["alt_text"], "caption": value["caption"],
                              "skip_reading": False}
            blocks.append(block)
        if item.cover_url:
            try:
                cover = self.media.image(item.cover_url, item.title)
            except MediaError as exc:
                notes.append(f"bỏ ảnh đại diện {item.cover_url}: {exc}")
        attachments = list(item.attachments)
        known = {a.url for a in attachments}
        attachments += [Attachment(url, text) for url, text in converted.attachments if url not in known]
        return blocks, (cover or None) if not self.dry_run else None, attachments

    def _fetch_attachments(self, item: SourceItem, attachments: list[Attachment], notes: list[str]) -> list:
        """(attachment, bytes, metadata) for each file that can be imported; the others noted with the reason."""
        good = []
        for attachment in attachments:
            try:
                data = self.media.download(attachment.url)
                meta = docmeta.read_metadata(attachment.title or item.title, data, attachment.url)
            except (MediaError, docmeta.AttachmentError) as exc:
                notes.append(f"bỏ tệp đính kèm {attachment.url}: {exc}")
                continue
            good.append((attachment, data, meta))
        return good

    def _article_item(self, item: SourceItem, kind: str, record, digest: str, notes: list[str]) -> Outcome:
        blocks, cover, attachments = self._blocks(item, notes)
        files = self._fetch_attachments(item, attachments, notes)
        text = " ".join(html_to_text(b["value"].get("text", "")) if b["type"] == "paragraph" else "" for b in blocks)
        if not blocks and not files:
            raise SkipItem("nội dung trống")
        if self.dry_run:
            return Outcome("created" if record is None else "updated", kind, item, notes=notes)
        for attachment, _, meta in files:
            if not meta.number:  # the document library needs one; the article keeps its link to the old file
                notes.append(f"tệp đính kèm {attachment.url} không có số ký hiệu: không đưa vào thư viện văn bản")
        files = [f for f in files if f[2].number]
        with transaction.atomic():
            linked = {}
            for attachment, data, meta in files:
                doc_page = self._document_page(Attachment(attachment.url, attachment.title or item.title),
                                               [(attachment, data, meta)], item, meta)
                linked[attachment.url] = doc_page.pk
            blocks = [_relink(b, linked, item.url) for b in blocks]
            if kind == "info":
                page = self._info_page(item, record, blocks)
            else:
                page = self._article_page(item, record, blocks, cover, text)
            status = self._finish(item, kind, page, record, digest)
        return Outcome(status, kind, item, page=page, notes=notes)

    def _article_page(self, item: SourceItem, record, blocks: list[dict], cover, text: str) -> ArticlePage:
        parent = self.category(self.mapping.category_for(item.categories))
        page = record.page.specific if record and record.page_id and isinstance(record.page.specific, ArticlePage) \
            else None
        fields = {
            "title": item.title, "date": item.date, "author": (item.author or self.mapping.author)[:200],
            "source": self.mapping.source[:200], "summary": _summary(item, text), "cover_image_id": cover,
            "body": blocks,
        }
        if page is None:
            page = ArticlePage(slug=_unique_slug(parent, _slug(item.title)), **fields)
            if item.tags:
                page.tags.set(*[t[:100] for t in item.tags])
            _create_live(parent, page, item.date)
            return page
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                page.refresh_from_db()
                for name, value in fields.items():
                    setattr(page, name, value)
        if item.tags:
            page.tags.set(*[t[:100] for t in item.tags])
        page.first_published_at = page.first_published_at or item.date
        _publish(page)
        return page

    def _info_page(self, item: SourceItem, record, blocks: list[dict]) -> InfoPage:
        home = self.require_home()
        page = record.page.specific if record and record.page_id and isinstance(record.page.specific, InfoPage) \
            else None
        fields = {"title": item.title, "summary": html_to_text(item.summary)[:MAX_SUMMARY], "body": blocks}
        if page is None:
            page = InfoPage(slug=_unique_slug(home, _slug(item.title)), **fields)
            _create_live(home, page, item.date)
            return page
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        _publish(page)
        return page

    def _document_item(self, item: SourceItem, record, digest: str, notes: list[str]) -> Outcome:
        _, _, attachments = self._blocks(item, notes)
        files = self._fetch_attachments(item, attachments, notes)
        meta = docmeta.from_title(item.title)
        if files:
            first = files[0][2]
            meta.number = meta.number or first.number
            meta.doc_type = meta.doc_type or first.doc_type
            meta.issued = meta.issued or first.issued
            meta.issuer = meta.issuer or first.issuer
        if not meta.number:  # the document library needs a số ký hiệu: keep the content as an article
            notes.append("không đọc được số ký hiệu: nhập như tin bài")
            return self._article_item(item, "article", record, digest, notes)
        if self.dry_run:
            return Outcome("created" if record is None else "updated", "document", item, notes=notes)
        with transaction.atomic():
            page = self._document_page(Attachment(item.url, item.title), files, item, meta,
                                       existing=record.page if record else None,
                                       summary=html_to_text(item.summary) or html_to_text(item.body_html)[:2000])
            status = self._finish(item, "document", page, record, digest)
        return Outcome(status, "document", item, page=page, notes=notes)

    def _document_page(self, source: Attachment, files: list, item: SourceItem, meta: docmeta.DocMeta,
                       existing: Page | None = None, summary: str = "") -> DocumentPage:
        """The document page for `source` (an attachment URL, or a document item); found again by its key."""
        if existing is None:
            record = ImportedItem.objects.filter(key_hash=key_hash(source.url)).select_related("page").first()
            existing = record.page if record else None
        page = existing.specific if existing is not None and isinstance(existing.specific, DocumentPage) else None
        issued = meta.issued or timezone.localtime(item.date, LOCAL_TZ).date()
        doc_type, _ = DocumentType.objects.get_or_create(
            name=meta.doc_type or self.mapping.doc_type, defaults={"slug": _lookup_slug(DocumentType, meta.doc_type or self.mapping.doc_type)})
        issuer, _ = IssuingBody.objects.get_or_create(
            name=meta.issuer or self.mapping.issuer, defaults={"slug": _lookup_slug(IssuingBody, meta.issuer or self.mapping.issuer)})
        fields = {
            "title": (source.title or item.title)[:MAX_TITLE], "number": meta.number[:100], "doc_type": doc_type,
            "issuer": issuer, "issued_date": issued, "summary": (summary or meta.summary or source.title)[:2000],
        }
        library = self.library()
        if page is None:
            page = DocumentPage(slug=_unique_slug(library, _slug(fields["number"] or fields["title"], "van-ban")),
                                **fields)
            library.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        documents = [self.media.document(a.url, a.title or fields["title"], data) for a, data, _ in files]
        page.attachments.set([DocumentAttachment(document_id=doc_id, sort_order=n) for n, doc_id in enumerate(documents)])
        _publish(page)
        if source.url != item.url:  # an attachment of an article: its own key and redirect
            self._finish(attachment_item(source, item), "document", page, None, "")
        return page

    def _finish(self, item: SourceItem, kind: str, page: Page, record, digest: str) -> str:
        status = "created" if record is None else "updated"
        page_url = page.url_path
        for url in [item.url, *item.old_urls]:
            if not url:
                continue
            path = old_path(url)
            if path in ("/", "") or path.rstrip("/") == page_url.rstrip("/"):
                continue
            Redirect.objects.update_or_create(old_path=path, site=None,
                                              defaults={"redirect_page": page, "is_permanent": True,
                                                        "redirect_link": ""})
        ImportedItem.objects.update_or_create(
            key_hash=key_hash(item.key),
            defaults={"key": item.key, "kind": kind, "page": page, "content_hash": digest or "-", "old_url": item.url,
                      "date": item.date, "run": self.run},
        )
        return status


def attachment_item(source: Attachment, parent: SourceItem) -> SourceItem:
    """The attachment as an item of its own (its URL is its key and its old address)."""
    return SourceItem(key=source.url, url=source.url, title=source.title, body_html="", date=parent.date)


def _lookup_slug(model, name: str) -> str:
    base = _slug(name, "khac")[:90]
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _relink(block: dict, linked: dict[str, int], base: str) -> dict:
    """Links to imported attachments point at their new document pages (Wagtail page links)."""
    if not linked or block["type"] not in ("paragraph", "list"):
        return block

    def swap(markup: str) -> str:
        def one(match: re.Match) -> str:
            href = urljoin(base, html.unescape(match.group(1)))
            return f'<a linktype="page" id="{linked[href]}">' if href in linked else match.group(0)
        return re.sub(r'<a href="([^"]+)">', one, markup)

    value = dict(block["value"])
    if block["type"] == "paragraph":
        value["text"] = swap(value["text"])
    else:
        value["items"] = [swap(i) for i in value["items"]]
    return {**block, "value": value}


def convert_html_text(markup: str, convert) -> str:
    """Convert only the text between tags (VIQR marks are ASCII punctuation that markup also uses)."""
    return re.sub(r">([^<]+)<", lambda m: ">" + convert(m.group(1)) + "<", f">{markup}<")[1:-1]


def aware(value: datetime | date | None) -> datetime | None:
    """A publication date as written on the old page: naive values are Vietnam's local time."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if timezone.is_naive(value):
        value = value.replace(tzinfo=LOCAL_TZ)
    return value
