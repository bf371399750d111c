"""Giới thiệu pages: in the menu, with their section's pages, and read aloud like articles."""
from __future__ import annotations

import pytest

from loa.documents.tests.test_document_pages import readaloud_elements, utf16_slice
from loa.infopages.models import InfoPage
from loa.pages.demo.convert import text_to_blocks
from loa.pages.demo.loader import ensure_roots
from loa.pages.tests.factories import make_home
from loa.readaloud.tests.helpers import run_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.READALOUD_CACHE_DIR = tmp_path / "chunks"
    ensure_roots()
    home = make_home()
    page = InfoPage(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True, summary="Về Hội đồng nhân dân tỉnh.",
                    body=text_to_blocks("CHỨC NĂNG\n\nHội đồng nhân dân là cơ quan quyền lực nhà nước ở địa phương.\n\n"
                                        "- Quyết định ngân sách;\n- Giám sát."))
    home.add_child(instance=page)
    page.save_revision().publish()
    contact = InfoPage(title="Liên hệ", slug="lien-he", summary="Địa chỉ và điện thoại.")
    page.add_child(instance=contact)
    contact.save_revision().publish()
    return page, contact


def test_in_the_menu_with_its_section(client, about):
    page, contact = about
    home = client.get("/").content.decode()
    assert '<a href="/gioi-thieu/">Giới thiệu</a>' in home
    html = client.get(contact.url).content.decode()
    assert f'<a href="{contact.url}" aria-current="page">Liên hệ</a>' in html and '<a href="/gioi-thieu/">Giới thiệu</a>' in html


def test_read_aloud_with_offsets_into_the_page(client, about):
    page, _ = about
    run_tasks()
    html = client.get(page.url).content.decode()
    answer = client.get(f"/api/readaloud/pages/{page.pk}").json()
    assert answer["status"] == "ready"
    elements = readaloud_elements(html)
    texts = [s["text"] for s in answer["sentences"]]
    assert texts[:3] == ["Giới thiệu", "Về Hội đồng nhân dân tỉnh.", "CHỨC NĂNG"]
    for sentence in answer["sentences"]:
        assert utf16_slice(elements[sentence["block"]], sentence["char_start"], sentence["char_end"]) == sentence["text"]
