import pytest

from loa.pages.tests.factories import make_home

from .oldportal import OldPortal


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def portal():
    with OldPortal() as server:
        yield server


@pytest.fixture(autouse=True)
def no_delay(settings):
    settings.IMPORTER_DELAY = 0
