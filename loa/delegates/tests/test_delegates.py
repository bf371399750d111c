"""Delegates: grouped by tổ, filtered by ?to= and ?khoa=, each page listing the sessions and news that name them."""
from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from loa.core.text import fold
from loa.delegates.models import DelegateIndexPage, DelegateNews, DelegatePage, mentions
from loa.delegates.terms import DelegationGroup, Term, roman
from loa.pages.demo.loader import ensure_roots
from loa.pages.tests.factories import make_article, make_category, make_home, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(db):
    ensure_roots()
    home = make_home()
    index = DelegateIndexPage(title="Đại biểu", slug="dai-bieu")
    home.add_child(instance=index)
    index.save_revision().publish()
    terms = {10: Term.objects.create(number=10, start_year=2021, end_year=2026),
             9: Term.objects.create(number=9, start_year=2016, end_year=2021)}
    groups = {n: DelegationGroup.objects.create(number=n, area=f"huyện {n}") for n in (1, 2)}
    people = {}
    for name, group, term, order in (("Trần Quốc Hưng", 1, 10, 1), ("Nguyễn Văn An", 1, 10, 2),
                                     ("Lê Thị Minh Hà", 2, 10, 1), ("Phạm Đình Toàn", 1, 9, 1)):
        page = DelegatePage(title=name, slug=fold(name).replace(" ", "-"), position="Đại biểu HĐND tỉnh",
                            group=groups[group], term=terms[term], list_order=order)
        index.add_child(instance=page)
        page.save_revision().publish()
        people[name] = page
    return home, index, people


def names(html: str, people) -> list[str]:
    found = [name for name in people if f">{name}</a></h3>" in html]
    return sorted(found, key=lambda name: html.index(f">{name}</a></h3>"))


def test_roman_numerals_and_term_names():
    assert [roman(n) for n in (9, 10, 14, 40)] == ["IX", "X", "XIV", "XL"]
    assert str(Term(number=10, start_year=2021, end_year=2026)) == "Khóa X (2021–2026)"
    with pytest.raises(ValidationError):
        Term(number=11, start_year=2026, end_year=2020).clean()


def test_list_groups_by_to_and_shows_the_newest_term(client, setup):
    _, index, people = setup
    html = client.get(index.url).content.decode()
    assert names(html, people) == ["Trần Quốc Hưng", "Nguyễn Văn An", "Lê Thị Minh Hà"]
    assert html.index("Tổ đại biểu số 1 – huyện 1") < html.index("Tổ đại biểu số 2 – huyện 2")
    assert "3 đại biểu" in html and 'aria-current="true">Khóa X<' in html


def test_filters_by_to_and_khoa(client, setup):
    _, index, people = setup
    assert names(client.get(f"{index.url}?to=2").content.decode(), people) == ["Lê Thị Minh Hà"]
    assert names(client.get(f"{index.url}?khoa=9").content.decode(), people) == ["Phạm Đình Toàn"]
    assert names(client.get(f"{index.url}?khoa=9&to=2").content.decode(), people) == []
    html = client.get(f"{index.url}?to=1").content.decode()
    assert 'href="?to=1" aria-current="true">Tổ 1<' in html
    for junk in ("?to=abc", "?khoa=-1", "?to=99999999", "?khoa=%00"):
        assert client.get(f"{index.url}{junk}").status_code == 200


def test_mentions_are_whole_words_without_diacritics():
    assert mentions(fold("Ông Nguyễn Văn An phát biểu"), "Nguyễn Văn An")
    assert not mentions(fold("Ông Nguyễn Văn Anh phát biểu"), "Nguyễn Văn An")
    assert not mentions("", "Nguyễn Văn An")


def test_delegate_page_lists_the_news_and_sessions_that_name_them(client, setup):
    home, _, people = setup
    category = make_category(home)
    make_article(category, title="Tiếp xúc cử tri", body=[paragraph("<p>Đại biểu Nguyễn Văn An báo cáo.</p>")])
    make_article(category, title="Tin khác", body=[paragraph("<p>Đại biểu Nguyễn Văn Anh báo cáo.</p>")])
    linked = make_article(category, title="Tin được chọn", body=[paragraph("<p>Không nêu tên.</p>")])
    an = DelegatePage.objects.get(pk=people["Nguyễn Văn An"].pk)
    an.news_links = [DelegateNews(article=linked)]
    an.save_revision().publish()

    from loa.council_sessions.models import SessionAgendaItem, SessionIndexPage, SessionPage

    sessions = SessionIndexPage(title="Kỳ họp", slug="ky-hop")
    home.add_child(instance=sessions)
    session = SessionPage(title="Kỳ họp thứ 25", slug="ky-hop-25", term=an.term, number=25,
                          start_date=date(2025, 7, 10), end_date=date(2025, 7, 11))
    session.agenda_items = [SessionAgendaItem(title="Báo cáo thẩm tra", delegate=an)]
    sessions.add_child(instance=session)
    session.save_revision().publish()

    html = client.get(an.url).content.decode()
    assert "Tiếp xúc cử tri" in html and "Tin được chọn" in html and "Tin khác" not in html
    assert "Kỳ họp thứ 25" in html
    other = client.get(people["Lê Thị Minh Hà"].url).content.decode()
    assert "Chưa có kỳ họp nào" in other and "Chưa có tin bài nào" in other


def test_contact_is_optional_and_validated(client, setup):
    _, _, people = setup
    page = people["Trần Quốc Hưng"]
    assert "Thư điện tử" not in client.get(page.url).content.decode()
    page.phone = "<script>"
    with pytest.raises(ValidationError):
        page.full_clean()
    page.phone, page.email = "0272 3 000 001", "daibieu@hdnd.example.vn"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'href="mailto:daibieu@hdnd.example.vn"' in html and "0272 3 000 001" in html


def test_site_search_finds_delegates(client, setup):
    from wagtail.search import index as search_index

    _, _, people = setup
    for page in people.values():
        search_index.insert_or_update_object(page)
    html = client.get("/tim-kiem/?q=le thi minh ha").content.decode()
    assert "Lê Thị Minh Hà" in html and 'id="search-delegates-heading"' in html
