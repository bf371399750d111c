"""Fixtures shared by the participation apps' tests (their conftest.py files import them all)."""
import pytest

from loa.pages.demo.loader import ensure_roots
from loa.pages.tests.factories import make_home


@pytest.fixture(autouse=True)
def no_rate_limit_carryover(db, settings):
    """Each test starts with empty limiter counters and spent-token marks (the "limits" cache)."""
    from django.core.cache import caches

    caches["limits"].clear()
    settings.PARTICIPATION_RATE_LIMIT = 10
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3


@pytest.fixture
def home(db):
    ensure_roots()
    return make_home()
