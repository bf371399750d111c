"""Demo sites for the operations tests: prepared as `loa serve` prepares one, with every article's audio made.

Each is a real data directory and database (SQLite file or a scratch PostgreSQL database),
made once per test session and used through `loa` commands in child processes.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.serverproc import loa_command, prepare_site, scratch_database, server_env

POSTGRES_URL = os.environ.get("LOA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass
class Site:
    data_dir: Path
    database_url: str
    env: dict[str, str]

    @property
    def static_root(self) -> Path:
        return Path(self.env["STATIC_ROOT"])

    def loa(self, *args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
        done = subprocess.run([*loa_command(), *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"loa {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done


def site_env(database_url: str, data_dir: Path, static_root: Path) -> dict[str, str]:
    """Everything in the data directory (defaults), except static files: collected once for all sites."""
    env = server_env(database_url, data_dir, {"LOA_ADMIN_PASSWORD": "ops-test-" + os.urandom(6).hex(),
                                              "STATIC_ROOT": str(static_root)})
    env.pop("SECRET_KEY")  # each site keeps its own key in its data directory, as a real one does
    for name in ("MEDIA_ROOT", "READALOUD_CACHE_DIR", "LOA_TEST_DIR"):
        env.pop(name, None)
    return env


def postgres_or_skip() -> None:
    import psycopg

    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        if os.environ.get("LOA_TESTS_WITHOUT_POSTGRES") == "1":
            pytest.skip(f"PostgreSQL at {POSTGRES_URL} unreachable and LOA_TESTS_WITHOUT_POSTGRES=1")
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable ({exc}); start it or set LOA_TESTS_WITHOUT_POSTGRES=1")


@pytest.fixture(scope="session")
def site_factory() -> Iterator:
    """empty_site(kind): a new empty data directory and database; demo_site(kind): one with the demo and its audio."""
    with tempfile.TemporaryDirectory(prefix="loa-ops-test-") as root, contextlib.ExitStack() as stack:
        made = 0

        def empty_site(kind: str) -> Site:
            nonlocal made
            made += 1
            folder = Path(root) / f"{kind}-{made}"
            folder.mkdir()
            if kind == "postgresql":
                postgres_or_skip()
                url = stack.enter_context(scratch_database(POSTGRES_URL))
            else:
                url = f"sqlite:///{folder}/loa.sqlite3"
            return Site(folder, url, site_env(url, folder, Path(root) / "static"))

        def demo_site(kind: str) -> Site:
            site = empty_site(kind)
            prepare_site(site.env)
            site.loa("db_worker", "--batch", "--queue-name", "*", "-v0")
            return site

        yield empty_site, demo_site


@pytest.fixture(scope="session")
def sqlite_demo(site_factory, tmp_path_factory, worker_id) -> Site:
    """The SQLite demo site, made once per run: with two test processes the first to need it makes it and
    the other copies its data directory (database, media, audio) and collects its own static files."""
    empty_site, demo_site = site_factory
    if worker_id == "master":
        return demo_site("sqlite")
    shared = tmp_path_factory.getbasetemp().parent / "ops-sqlite-demo"  # this run's folder, shared by its processes
    with open(f"{shared}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if shared.is_dir():
            site = empty_site("sqlite")
            shutil.copytree(shared, site.data_dir, dirs_exist_ok=True)
            prepare_site(site.env)  # migrated and loaded already: this collects the static files
            return site
        site = demo_site("sqlite")
        shutil.copytree(site.data_dir, shared)
        return site
