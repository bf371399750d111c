import pytest

from loa.pages.demo.loader import load_demo

from .factories import make_category, make_home


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def category(home):
    return make_category(home)


@pytest.fixture(scope="module")
def demo_in_module(django_db_setup, django_db_blocker):
    """The demo, loaded once for a module's tests (seconds on PostgreSQL) inside a transaction undone after
    them; each test still runs in its own savepoint within it, as a `db` test does."""
    from django.db import transaction

    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
        try:
            assert load_demo() is True
            yield
        finally:
            transaction.set_rollback(True)
            module.__exit__(None, None, None)


@pytest.fixture
def demo(demo_in_module, db):
    from loa.pages.models import HomePage

    return HomePage.objects.get(locale__language_code="vi")  # the demo also has its English translation
