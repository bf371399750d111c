"""Settings for the test run (pytest): the production settings with throw-away places and fast hashing.

No page cache unless a test turns it on, no collectstatic manifest, no background flush
thread (tests flush the statistics explicitly). The folders are created by the root
conftest.py and removed after the run.
"""
import os
import tempfile
from pathlib import Path

from loa.site.settings import *  # noqa: F403
from loa.site.settings import STORAGES

# Child processes that tests start (`loa ...` commands) inherit this module and the folder.
# With pytest-xdist each worker (and the commands it starts, which inherit PYTEST_XDIST_WORKER) has its own.
_RUN_DIR = os.environ.setdefault("LOA_TEST_DIR", str(Path(tempfile.gettempdir()) / f"loa-test-{os.getpid()}"))
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
TEST_DIR = Path(f"{_RUN_DIR}-{_WORKER}" if _WORKER else _RUN_DIR)
# The page cache's content-version stamp and anything else kept in the data directory: never ./data.
DATA_DIR = LOA_DATA_DIR = TEST_DIR / "data"
MEDIA_ROOT = TEST_DIR / "media"
STATIC_ROOT = TEST_DIR / "static"  # WhiteNoise warns on every request if it is missing
READALOUD_CACHE_DIR = TEST_DIR / "readaloud-cache"
READALOUD_VOICES_DIR = TEST_DIR / "voices"  # no voice pack a developer installed in ./data leaks into tests

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOA_PAGE_CACHE_SECONDS = int(os.environ.get("LOA_TEST_PAGE_CACHE_SECONDS", "0"))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATS_FLUSH_SECONDS = float(os.environ.get("STATS_TEST_FLUSH_SECONDS", "0"))
SECRET_KEY = SECRET_KEY or "loa-test-secret-key-not-for-production"  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The in-memory test database is one shared cache for a test and its live server's threads, where a
    # reader's table lock makes a writer fail at once ("database table is locked", no busy timeout there):
    # readers take none. (A file database, as the commands tests start use, ignores this.)
    DATABASES["default"]["OPTIONS"]["init_command"] += " PRAGMA read_uncommitted=1;"  # noqa: F405
