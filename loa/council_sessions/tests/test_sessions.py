"""Sessions: grouped by khóa newest first, agenda by day, documents and news, livestream link."""
from __future__ import annotations

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from loa.council_sessions.models import (
    SessionAgendaItem,
    SessionIndexPage,
    SessionMaterial,
    SessionPage,
    SessionResolution,
)
from loa.delegates.terms import Term
from loa.documents.tests.conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(home):
    index = SessionIndexPage(title="Kỳ họp", slug="ky-hop")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_session(index, term, number, start, end, **fields) -> SessionPage:
    page = SessionPage(title=f"Kỳ họp thứ {number} khóa {term.name}", slug=f"ky-hop-{term.number}-{number}",
                       term=term, number=number, start_date=start, end_date=end, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def terms(db):
    return Term.objects.create(number=10, start_year=2021, end_year=2026), Term.objects.create(number=9, start_year=2016, end_year=2021)


def test_list_groups_by_khoa_newest_first(client, sessions, terms):
    ten, nine = terms
    add_session(sessions, nine, 17, date(2020, 12, 8), date(2020, 12, 9))
    add_session(sessions, ten, 21, date(2024, 12, 9), date(2024, 12, 10))
    add_session(sessions, ten, 25, date(2025, 7, 10), date(2025, 7, 11))
    html = client.get(sessions.url).content.decode()
    assert html.index("Khóa X (2021–2026)") < html.index("Kỳ họp thứ 25") < html.index("Kỳ họp thứ 21") \
        < html.index("Khóa IX (2016–2021)") < html.index("Kỳ họp thứ 17")
    assert "10/07 – 11/07/2025" in html and "Đã bế mạc" in html


def test_session_page_shows_agenda_documents_and_livestream(client, sessions, terms, library, lookups):
    resolution = make_document(library, lookups, "15/2025/NQ-HĐND", "Nghị quyết kinh tế - xã hội")
    plan = make_document(library, lookups, "45/KH-HĐND", "Kế hoạch tổ chức kỳ họp", doc_type="ke-hoach")
    page = SessionPage(title="Kỳ họp thứ 25", slug="ky-hop-25", term=terms[0], number=25,
                       start_date=date(2025, 7, 10), end_date=date(2025, 7, 11), place="Hội trường tỉnh",
                       livestream_url="https://truyenhinh.example.vn/truc-tiep")
    page.agenda_items = [
        SessionAgendaItem(day=date(2025, 7, 11), start_time=time(8, 0), title="Chất vấn", presenter="Thường trực"),
        SessionAgendaItem(day=date(2025, 7, 10), start_time=time(8, 0), title="Khai mạc kỳ họp", presenter="Chủ tọa"),
    ]
    page.materials = [SessionMaterial(document=plan)]
    page.resolutions = [SessionResolution(document=resolution)]
    sessions.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.index("Ngày 10/07/2025") < html.index("Khai mạc kỳ họp") < html.index("Ngày 11/07/2025") < html.index("Chất vấn")
    assert '<time class="session-time" datetime="2025-07-10T08:00">08:00</time>' in html
    assert html.index("Nghị quyết được thông qua") < html.index(resolution.url) < html.index("Tài liệu kỳ họp") \
        < html.index(plan.url)
    assert 'href="https://truyenhinh.example.vn/truc-tiep"' in html and "Xem lại kỳ họp" in html
    # An unpublished document is not linked.
    plan.unpublish()
    assert plan.url not in client.get(page.url).content.decode()


def test_livestream_must_be_http_and_dates_in_order(sessions, terms):
    page = SessionPage(title="Kỳ họp", slug="x", term=terms[0], number=30, start_date=date(2025, 7, 11),
                       end_date=date(2025, 7, 10), livestream_url="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "livestream_url" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_one_number_per_term(sessions, terms):
    add_session(sessions, terms[0], 25, date(2025, 7, 10), date(2025, 7, 11))
    twin = SessionPage(title="Trùng", slug="trung", term=terms[0], number=25, start_date=date(2025, 8, 1),
                       end_date=date(2025, 8, 1))
    with pytest.raises(ValidationError):
        twin.clean()


def test_status_follows_the_dates(terms):
    page = SessionPage(start_date=date(2025, 7, 10), end_date=date(2025, 7, 11))
    assert [page.status(date(2025, 7, d)) for d in (9, 10, 11, 12)] == ["Sắp diễn ra", "Đang diễn ra", "Đang diễn ra", "Đã bế mạc"]
