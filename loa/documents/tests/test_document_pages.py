"""A document page end to end: publish -> text extracted in the background -> shown, searched and read aloud."""
from __future__ import annotations

import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from loa.documents.demo.pdfgen import docx_bytes, scanned_pdf_bytes
from loa.documents.models import DocumentPage, ExtractedText
from loa.readaloud.models import ReadingScript
from loa.readaloud.tests.helpers import run_tasks

from .conftest import RESOLUTION_LINES, make_document, resolution_pdf

pytestmark = pytest.mark.django_db


def readaloud_elements(html: str) -> dict[str, str]:
    """Each read-aloud element's textContent, as the browser computes it, by block id."""
    tree = lxml.html.fromstring(html)
    elements = {el.get("data-readaloud-block"): el.text_content() for el in tree.xpath("//*[@data-readaloud-block]")}
    title = tree.xpath("//*[@data-readaloud-title]")
    if title:
        elements["title"] = title[0].text_content()
    return elements


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def test_published_pdf_is_extracted_shown_and_read(client, library, lookups):
    page = make_document(library, lookups)
    text = ExtractedText.objects.get(document=page.attachments.first().document)
    assert text.state == "pending"
    html = client.get(page.url).content.decode()
    assert "đang được trích xuất" in html
    for label in ("Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban hành", "Ngày hiệu lực",
                  "Tình trạng hiệu lực", "Lĩnh vực", "Trích yếu"):
        assert f'<th scope="row">{label}</th>' in html

    run_tasks()  # extraction, then the audio of the page with its text
    text.refresh_from_db()
    assert text.state == "ready" and text.page_count == 1 and text.char_count > 200 and text.peak_memory_kb > 0
    html = client.get(page.url).content.decode()
    assert '<h3 class="doc-heading">Điều 1. Dự toán thu ngân sách nhà nước năm 2025</h3>' in html
    assert '<p class="doc-clause">a) Thu nội địa: 10.200 tỷ đồng;</p>' in html

    script = ReadingScript.objects.get(page=page)
    spoken = [unit["text"] for unit in script.units]
    assert spoken[:3] == [page.title, "Số ký hiệu", "25/2024/NQ-HĐND"]
    assert page.summary in spoken and "Điều 2. Tổ chức thực hiện" in spoken
    assert spoken.index(page.summary) < spoken.index("Điều 1. Dự toán thu ngân sách nhà nước năm 2025")

    # Every sentence of the audio points into the rendered page: textContent.slice(start, end) === text.
    answer = client.get(f"/api/readaloud/pages/{page.pk}").json()
    assert answer["status"] == "ready"
    elements = readaloud_elements(html)
    for sentence in answer["sentences"]:
        shown = utf16_slice(elements[sentence["block"]], sentence["char_start"], sentence["char_end"])
        assert shown == sentence["text"], sentence
    assert any(s["text"].startswith("Giao Ủy ban nhân dân tỉnh") for s in answer["sentences"])


def test_docx_attachment_is_read_too(client, library, lookups):
    page = make_document(library, lookups, number="30/TB-HĐND", doc_type="ke-hoach",
                         files=[("30-TB-HDND.docx", docx_bytes("Thông báo", RESOLUTION_LINES))])
    run_tasks()
    html = client.get(page.url).content.decode()
    assert '<h3 class="doc-heading">Điều 2. Tổ chức thực hiện</h3>' in html


def test_scanned_pdf_reads_the_metadata_only(client, library, lookups):
    page = make_document(library, lookups, files=[("ban-quet.pdf", scanned_pdf_bytes())])
    run_tasks()
    assert ExtractedText.objects.get(document=page.attachments.first().document).state == "scanned"
    html = client.get(page.url).content.decode()
    assert "bản quét" in html and "chỉ đọc thông tin văn bản" in html
    units = ReadingScript.objects.get(page=page).units
    assert {unit["block"] for unit in units} == {"title", "meta-number", "meta-issuer", "meta-issued", "meta-summary"}


def test_corrupt_pdf_is_reported_and_the_page_still_works(client, admin_client, library, lookups):
    page = make_document(library, lookups, files=[("hong.pdf", b"%PDF-1.4\n\x00\x01 broken" * 40)])
    run_tasks()
    text = ExtractedText.objects.get(document=page.attachments.first().document)
    assert text.state == "failed" and "hỏng" in text.error
    html = client.get(page.url).content.decode()
    assert client.get(page.url).status_code == 200 and "Không đọc được nội dung tệp này" in html
    assert page.attachments.first().document.url in html  # still downloadable
    editor = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Lỗi trích xuất" in editor and "hỏng" in editor and "Trích xuất lại" in editor


def test_replacing_the_file_extracts_it_again_and_retry_from_the_admin(client, admin_client, library, lookups):
    page = make_document(library, lookups, files=[("hong.pdf", b"not a pdf at all")])
    run_tasks()
    document = page.attachments.first().document
    assert ExtractedText.objects.get(document=document).state == "failed"
    document.file = ContentFile(resolution_pdf(), name="sua.pdf")
    document._set_file_hash()
    document.save()
    assert ExtractedText.objects.get(document=document).state == "pending"
    run_tasks()
    assert ExtractedText.objects.get(document=document).state == "ready"
    assert "Điều 1. Dự toán" in client.get(page.url).content.decode()
    # "Trích xuất lại": a confirmation page, then a new extraction.
    confirm = admin_client.get(f"/admin/van-ban/pages/{page.pk}/extract/")
    assert confirm.status_code == 200 and "Trích xuất lại" in confirm.content.decode()
    assert admin_client.post(f"/admin/van-ban/pages/{page.pk}/extract/").status_code == 302
    assert ExtractedText.objects.get(document=document).state == "pending"
    run_tasks()
    assert ExtractedText.objects.get(document=document).state == "ready"


def test_page_limit_is_shown_on_the_page(client, settings, library, lookups):
    from loa.documents.demo.pdfgen import long_pdf_bytes

    settings.DOCUMENTS_EXTRACT_MAX_PAGES = 3
    page = make_document(library, lookups, files=[("dai.pdf", long_pdf_bytes(8, RESOLUTION_LINES[4:6]))])
    run_tasks()
    text = ExtractedText.objects.get(document=page.attachments.first().document)
    assert text.truncated and text.pages_read == 3 and text.page_count == 8
    assert "3 trang đầu trong tổng số 8 trang" in client.get(page.url).content.decode()


def test_required_fields_and_consistency_rules(library, lookups):
    page = DocumentPage(title="Văn bản", number="1/QĐ", doc_type=lookups["nghi-quyet"], issuer=lookups["hdnd"],
                        issued_date="2025-01-02", summary="")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "summary" in error.value.message_dict  # trích yếu is required
    page.summary = "Trích yếu"
    page.effect_status = "sua-doi-bo-sung"
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "changed_by" in error.value.message_dict


def test_amended_document_links_to_the_amending_one(client, library, lookups):
    old = make_document(library, lookups, number="12/2024/NQ-HĐND", title="Nghị quyết bảo hiểm y tế")
    new = make_document(library, lookups, number="17/2025/NQ-HĐND", title="Nghị quyết sửa đổi")
    old = DocumentPage.objects.get(pk=old.pk)
    old.effect_status, old.changed_by = "sua-doi-bo-sung", new
    old.save_revision().publish()
    assert f'Được sửa đổi, bổ sung – bởi <a href="{new.url}">Nghị quyết 17/2025/NQ-HĐND</a>' in client.get(old.url).content.decode()
    assert "Văn bản này sửa đổi, bổ sung hoặc thay thế" in client.get(new.url).content.decode()


def test_html_in_fields_is_escaped(client, library, lookups):
    page = make_document(library, lookups, number="<script>1</script>", title="<b>x</b>",
                         summary='"><img src=x onerror=alert(1)>')
    html = client.get(page.url).content.decode()
    assert "<script>1</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;1&lt;/script&gt;" in html


def test_documents_go_through_the_approval_workflow(library, lookups, home):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from loa.pages.editorial import EDITORS, LEADERS, WORKFLOW_NAME, setup_editorial

    setup_editorial(home)
    editor = get_user_model().objects.create_user("bientap", password="x-1234567")
    editor.groups.add(Group.objects.get(name=EDITORS))
    draft = make_document(library, lookups, publish=False)
    assert draft.get_workflow().name == WORKFLOW_NAME
    permissions = draft.permissions_for_user(editor)
    assert permissions.can_edit() and not permissions.can_publish()
    state = draft.get_workflow().start(draft, editor)
    assert state.status == "in_progress" and not DocumentPage.objects.get(pk=draft.pk).live
    leader = get_user_model().objects.create_user("lanhdao", password="x-1234567")
    leader.groups.add(Group.objects.get(name=LEADERS))
    assert draft.permissions_for_user(leader).can_publish()


def test_documents_are_read_in_the_librarys_voice(library, lookups):
    from loa.readaloud.models import Narration
    from loa.readaloud.narration.voices import page_voice_id

    library.readaloud_voice = "vi-central-male"
    library.save_revision().publish()
    page = make_document(library, lookups)
    assert page_voice_id(page) == "vi-central-male"
    assert "vi-central-male" in Narration.objects.filter(page_id=page.pk).values_list("voice", flat=True)
