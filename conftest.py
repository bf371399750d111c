"""The test run's throw-away folders (see loa/site/test_settings.py)."""
import shutil


def pytest_configure(config) -> None:
    from django.conf import settings

    for folder in (settings.DATA_DIR, settings.MEDIA_ROOT, settings.STATIC_ROOT, settings.READALOUD_CACHE_DIR):
        folder.mkdir(parents=True, exist_ok=True)


def pytest_unconfigure(config) -> None:
    from loa.site.test_settings import TEST_DIR

    shutil.rmtree(TEST_DIR, ignore_errors=True)
