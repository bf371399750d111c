import pytest

from loa.pages.demo.loader import load_demo

from .factories import make_category, make_home


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def category(home):
    return make_category(home)


@pytest.fixture
def demo(db):
    assert load_demo() is True
    from loa.pages.models import HomePage

    return HomePage.objects.get(locale__language_code="vi")  # the demo also has its English translation
