"""The demo library at /van-ban/: lookup lists and documents with generated files, published as editors would."""
from __future__ import annotations

from datetime import datetime, time

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search import index as search_index

from ..lookups import DocumentField, DocumentType, IssuingBody
from ..models import DocumentAttachment, DocumentIndexPage, DocumentPage
from . import content
from .build_files import FILES_DIR, file_base

INDEX_SLUG = "van-ban"


def load_lookups() -> tuple[dict, dict, dict]:
    types = {slug: DocumentType.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": n})[0]
             for n, (slug, name, _) in enumerate(content.TYPES)}
    issuers = {slug: IssuingBody.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": n})[0]
               for n, (slug, name) in enumerate(content.ISSUERS)}
    fields = {slug: DocumentField.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": n})[0]
              for n, (slug, name) in enumerate(content.FIELDS)}
    return types, issuers, fields


def main_file_name(doc: content.DemoDocument) -> str:
    suffix = {"scan": "-ban-quet.pdf", "docx": ".docx"}.get(doc.file_format, ".pdf")
    return file_base(doc) + suffix


def stored_file(name: str) -> tuple[str, bytes]:
    return name, (FILES_DIR / name).read_bytes()


def make_document(title: str, name: str, data: bytes):
    Document = get_document_model()
    document = Document(title=title, file=ContentFile(data, name=name))
    document.file_size = len(data)
    document._set_file_hash()
    document.save()
    return document


def load_documents(home: Page) -> DocumentIndexPage:
    existing = DocumentIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    types, issuers, fields = load_lookups()
    grant_lookup_permissions([DocumentType, IssuingBody, DocumentField])
    index = DocumentIndexPage(
        title="Văn bản", slug=INDEX_SLUG, show_in_menus=True,
        intro="<p>Nghị quyết, quyết định, kế hoạch, báo cáo và các văn bản khác của Hội đồng nhân dân tỉnh. "
              "Mỗi văn bản có thể nghe đọc toàn văn.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()

    pages: dict[str, DocumentPage] = {}
    for doc in sorted(content.DOCUMENTS, key=lambda d: d.issued):
        page = DocumentPage(
            title=doc.title, slug=doc.slug, number=doc.number, doc_type=types[doc.type_slug],
            issuer=issuers[doc.issuer_slug], signer_title=content.SIGNERS[doc.issuer_slug][0],
            signer=content.SIGNERS[doc.issuer_slug][1], issued_date=doc.issued, effective_date=doc.effective,
            summary=doc.summary, effect_status="con-hieu-luc",
        )
        page.subjects = [fields[slug] for slug in doc.fields]
        name, data = stored_file(main_file_name(doc))
        attachments = [DocumentAttachment(document=make_document(f"{doc.number} – {doc.title}", name, data),
                                          label="Toàn văn")]
        if doc.annex:
            annex = make_document(f"{doc.number} – Phụ lục", *stored_file(f"{file_base(doc)}-phu-luc.docx"))
            attachments.append(DocumentAttachment(document=annex, label="Phụ lục I"))
        page.attachments = attachments
        index.add_child(instance=page)
        page.save_revision().publish()
        pages[doc.slug] = page
    for doc in content.DOCUMENTS:
        if doc.changed_by:  # after every page exists: a later document changes an earlier one
            page = DocumentPage.objects.get(pk=pages[doc.slug].pk)
            page.effect_status, page.changed_by = doc.status, pages[doc.changed_by]
            page.save_revision().publish()
    for doc in content.DOCUMENTS:
        issued = timezone.make_aware(datetime.combine(doc.issued, time(9, 0)))
        DocumentPage.objects.filter(pk=pages[doc.slug].pk).update(first_published_at=issued)
    for page in DocumentPage.objects.filter(pk__in=[p.pk for p in pages.values()]):
        search_index.insert_or_update_object(page)
    return index


def grant_lookup_permissions(models: list, group_name: str | None = None) -> None:
    """Let "Lãnh đạo duyệt" keep the lookup lists (loại văn bản, cơ quan, lĩnh vực, khóa, tổ); editors only pick."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from loa.pages.editorial import LEADERS

    leaders, _ = Group.objects.get_or_create(name=group_name or LEADERS)
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        leaders.permissions.add(*Permission.objects.filter(content_type=content_type))
