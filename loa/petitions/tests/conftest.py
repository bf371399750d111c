"""Fixtures: a home page, the /kien-nghi/ index, lookups, a session, and a helper to add petitions."""
from __future__ import annotations

from datetime import date

import pytest

from loa.council_sessions.models import SessionIndexPage, SessionPage
from loa.delegates.models import Term
from loa.documents.tests.conftest import home, media  # noqa: F401  shared fixtures
from loa.petitions.models import Agency, Locality, PetitionIndexPage, PetitionPage, PetitionTopic
from loa.petitions.pages import unique_slug


@pytest.fixture
def index(home):  # noqa: F811
    page = PetitionIndexPage(title="Kiến nghị cử tri", slug="kien-nghi")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def lookups(db):
    return {
        "gtvt": Agency.objects.create(name="Sở Giao thông vận tải", slug="gtvt", short_name="Sở GTVT"),
        "yte": Agency.objects.create(name="Sở Y tế", slug="yte"),
        "tan-phu": Locality.objects.create(name="Xã Tân Phú", slug="tan-phu"),
        "binh-minh": Locality.objects.create(name="Xã Bình Minh", slug="binh-minh"),
        "giao-thong": PetitionTopic.objects.create(name="Giao thông", slug="giao-thong"),
        "y-te": PetitionTopic.objects.create(name="Y tế", slug="y-te"),
    }


@pytest.fixture
def session(home):  # noqa: F811
    sessions = SessionIndexPage(title="Kỳ họp", slug="ky-hop")
    home.add_child(instance=sessions)
    sessions.save_revision().publish()
    term = Term.objects.create(number=10, start_year=2021, end_year=2026)
    page = SessionPage(title="Kỳ họp thứ 25", slug="ky-hop-thu-25", term=term, number=25,
                       start_date=date(2025, 7, 10), end_date=date(2025, 7, 11))
    sessions.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_petition(index, lookups, title="Nâng cấp đường tỉnh 826", agency="gtvt", locality="tan-phu",
                 topic="giao-thong", received=date(2025, 6, 20), deadline=date(2025, 8, 20), **fields) -> PetitionPage:
    page = PetitionPage(title=title, content=fields.pop("content", f"Cử tri đề nghị: {title}."),
                        agency=lookups[agency], locality=lookups[locality], topic=lookups[topic],
                        received_on=received, deadline=deadline, **fields)
    page.slug = unique_slug(index, title)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
