""""Cách đọc cần kiểm tra" on a document page: the guesses of the files' extracted text too."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from loa.documents.demo.pdfgen import pdf_bytes
from loa.readaloud.models import PronunciationEntry
from loa.readaloud.tests.helpers import run_tasks

from .conftest import RESOLUTION_LINES, make_document

pytestmark = pytest.mark.django_db

LINE = "Giao Sở Tài chính vận hành hệ thống QWZX từ năm 2025."


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("bientap", "b@example.vn", "mat-khau-1"))
    return client


def test_the_extracted_texts_guesses_are_listed_and_fixed(admin_client, library, lookups):
    pdf = pdf_bytes(("HỘI ĐỒNG NHÂN DÂN\nTỈNH", "Số: 25/2024/NQ-HĐND"), [*RESOLUTION_LINES, LINE])
    page = make_document(library, lookups, files=[("nq.pdf", pdf)])
    before = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Cách đọc cần kiểm tra" in before and "QWZX" not in before  # not extracted yet
    run_tasks()  # extraction
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "<span data-review-written>QWZX</span>" in html
    assert f'data-text="{LINE}"' in html and "quy vê kép dét ích xì" in html

    admin_client.post(f"/admin/readaloud/reading/fix/?written=QWZX&page={page.pk}",
                      {"written": "QWZX", "spoken": "quy vê", "note": ""})
    assert PronunciationEntry.objects.filter(written="QWZX", spoken="quy vê").exists()
    assert "<span data-review-written>QWZX</span>" not in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
