"""The demo: its committed files hold the text of content.py, and loading it builds the council's pages."""
from __future__ import annotations

import pytest

from loa.documents.demo import content
from loa.documents.demo.build_files import FILES_DIR
from loa.documents.demo.loader import main_file_name
from loa.documents.extraction import ExtractionLimits, extract_file


@pytest.mark.parametrize("doc", content.DOCUMENTS, ids=lambda d: d.number)
def test_each_demo_file_holds_its_text(doc):
    result = extract_file(FILES_DIR / main_file_name(doc), ExtractionLimits())
    if doc.file_format == "scan":
        assert result.status == "scanned"
        return
    assert result.status == "ok"
    blocks = [block.text for block in result.blocks]
    for heading, paragraphs in doc.articles:
        assert not heading or heading in blocks
        for paragraph in paragraphs:
            assert paragraph in blocks, paragraph


@pytest.mark.django_db
def test_demo_builds_the_library_sessions_delegates_and_info_pages(client):
    from loa.council_sessions.models import SessionPage
    from loa.delegates.models import DelegatePage
    from loa.documents.models import DocumentPage, ExtractedText
    from loa.infopages.models import InfoPage
    from loa.pages.demo.loader import load_demo

    assert load_demo() is True
    documents = DocumentPage.objects.live()
    assert documents.count() >= 12
    assert documents.values("doc_type").distinct().count() >= 5 and documents.values("issuer").distinct().count() >= 4
    assert ExtractedText.objects.filter(state="pending").count() == ExtractedText.objects.count() >= 12
    delegates = DelegatePage.objects.live().filter(term__number=10)
    assert delegates.count() >= 20 and delegates.values("group").distinct().count() == 4
    assert all(d.photo_id for d in delegates)
    assert SessionPage.objects.filter(number=25, term__number=10).exists()
    # Five giới thiệu pages, and their English translations (loa.languages' demo, /en/).
    assert InfoPage.objects.filter(locale__language_code="vi").count() == 5
    assert InfoPage.objects.filter(locale__language_code="en", live=True).count() == 5
    menu = client.get("/").content.decode()
    for title, url in (("Văn bản", "/van-ban/"), ("Kỳ họp", "/ky-hop/"), ("Đại biểu", "/dai-bieu/"),
                       ("Giới thiệu", "/gioi-thieu/")):
        assert f'<a href="{url}">{title}</a>' in menu
    assert load_demo() is False and DocumentPage.objects.count() == documents.count()
