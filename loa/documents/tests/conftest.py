from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from loa.documents.demo.pdfgen import pdf_bytes
from loa.documents.lookups import DocumentField, DocumentType, IssuingBody
from loa.documents.models import DocumentAttachment, DocumentIndexPage, DocumentPage
from loa.pages.tests.factories import make_home

RESOLUTION_LINES = [
    "# NGHỊ QUYẾT",
    "# Về dự toán ngân sách địa phương năm 2025",
    "# QUYẾT NGHỊ:",
    "## Điều 1. Dự toán thu ngân sách nhà nước năm 2025",
    "1. Tổng thu ngân sách nhà nước trên địa bàn là 12.345 tỷ đồng.",
    "a) Thu nội địa: 10.200 tỷ đồng;",
    "## Điều 2. Tổ chức thực hiện",
    "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.READALOUD_CACHE_DIR = tmp_path / "chunks"
    return settings.MEDIA_ROOT


@pytest.fixture
def home(db):
    from loa.pages.demo.loader import ensure_roots

    ensure_roots()
    return make_home()


@pytest.fixture
def lookups(db):
    return {
        "nghi-quyet": DocumentType.objects.create(name="Nghị quyết", slug="nghi-quyet"),
        "ke-hoach": DocumentType.objects.create(name="Kế hoạch", slug="ke-hoach"),
        "hdnd": IssuingBody.objects.create(name="Hội đồng nhân dân tỉnh", slug="hdnd-tinh"),
        "ubnd": IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh", slug="ubnd-tinh"),
        "ngan-sach": DocumentField.objects.create(name="Tài chính – Ngân sách", slug="tai-chinh-ngan-sach"),
        "y-te": DocumentField.objects.create(name="Y tế", slug="y-te"),
    }


@pytest.fixture
def library(home):
    index = DocumentIndexPage(title="Văn bản", slug="van-ban")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def wagtail_document(name: str, data: bytes, title: str = ""):
    Document = get_document_model()
    document = Document(title=title or name, file=ContentFile(data, name=name))
    document.file_size = len(data)
    document._set_file_hash()
    document.save()
    return document


def resolution_pdf(number: str = "25/2024/NQ-HĐND") -> bytes:
    return pdf_bytes(("HỘI ĐỒNG NHÂN DÂN\nTỈNH", f"Số: {number}"), RESOLUTION_LINES)


def make_document(library, lookups, number="25/2024/NQ-HĐND", title="Nghị quyết về dự toán ngân sách năm 2025",
                  files=None, doc_type="nghi-quyet", issuer="hdnd", subjects=("ngan-sach",),
                  issued=date(2024, 12, 10), publish=True, **fields) -> DocumentPage:
    page = DocumentPage(
        title=title, number=number, doc_type=lookups[doc_type], issuer=lookups[issuer], issued_date=issued,
        summary=fields.pop("summary", "Về dự toán thu, chi ngân sách địa phương năm 2025"), **fields,
    )
    page.subjects = [lookups[s] for s in subjects]
    if files is None:
        files = [(f"{number.replace('/', '-')}.pdf", resolution_pdf(number))]
    page.attachments = [DocumentAttachment(document=wagtail_document(name, data)) for name, data in files]
    page.live = publish
    library.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return DocumentPage.objects.get(pk=page.pk)
