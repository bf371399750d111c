"""Real servers on loopback for the benches and the tests that need one.

- `running_server`: gunicorn with N workers on the site's WSGI application;
- `loa_serve`: `loa serve` as `make run` runs it (gunicorn + task worker + scheduler);
- `scratch_database`: a new empty SQLite file or PostgreSQL database, dropped afterwards.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def scratch_database(base_url: str | None) -> Iterator[str]:
    """A DATABASE_URL for a new empty database: an SQLite file, or a PostgreSQL database dropped afterwards."""
    if not base_url or base_url.startswith("sqlite"):
        with tempfile.TemporaryDirectory(prefix="loa-stats-db-") as folder:
            yield f"sqlite:///{folder}/stats.sqlite3"
        return
    import psycopg

    parts = urlsplit(base_url)
    name = f"loa_stats_{uuid.uuid4().hex[:12]}"
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log_path: Path
    group: bool = False  # the process leads its own process group (loa serve and its children)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, timeout: float = 30.0) -> None:
        """Graceful stop: gunicorn lets each worker finish and exit, which flushes its counters."""
        if self.process.poll() is None:
            self._signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.process.wait()

    def _signal(self, number: int) -> None:
        if self.group:
            os.killpg(self.process.pid, number)
        else:
            self.process.send_signal(number)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def server_env(database_url: str, data_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STATS_", "PYTEST_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="loa.site.settings",
        DATABASE_URL=database_url,
        LOA_DATA_DIR=str(data_dir),
        REDIS_URL="",
        SECRET_KEY="stats-test-" + uuid.uuid4().hex,
        PYTHONWARNINGS="ignore",
    )
    env.update(extra)
    return env


def migrate(env: dict[str, str], apps: tuple[str, ...] = ("core", "stats")) -> None:
    """Just the tables the statistics need: the shared "limits" cache (core) and the stats app's."""
    code = "import django, sys; django.setup(); from django.core.management import call_command; " \
           "[call_command('migrate', app, interactive=False, verbosity=0) for app in sys.argv[1:]]"
    subprocess.run([str(VENV_BIN / "python"), "-c", code, *apps], env=env, check=True, capture_output=True, timeout=180)


@contextmanager
def running_server(env: dict[str, str], workers: int = 4, threads: int = 2, log_dir: Path | None = None,
                   app: str = "loa.site.wsgi:application") -> Iterator[Server]:
    """gunicorn with `workers` gthread processes on a free loopback port, stopped gracefully at the end."""
    port = free_port()
    folder = Path(log_dir or tempfile.mkdtemp(prefix="loa-stats-log-"))
    log_path = folder / f"gunicorn-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"), app, "--bind", f"127.0.0.1:{port}",
                "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
                "--no-control-socket", "--graceful-timeout", "20", "--keep-alive", "5", "--preload",
            ],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    server = Server(process, port, log_path)
    try:
        _wait_ready(server, workers)
        yield server
    finally:
        server.stop()


def _wait_ready(server: Server, workers: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("gunicorn exited:\n" + server.log())
        try:
            if httpx.get(server.base_url + "/api/stats/summary", timeout=2).status_code == 200:
                if server.log().count("Booting worker") >= workers:
                    time.sleep(1.0)  # let the last workers finish importing
                    return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not become ready:\n" + server.log())


def loa_command() -> list[str]:
    return [str(VENV_BIN / "python"), "-m", "loa.cli"]


def prepare_site(env: dict[str, str]) -> None:
    """migrate, collectstatic, demo content and admin, as `loa serve` does before it starts."""
    subprocess.run([*loa_command(), "serve", "--prepare-only"], env=env, check=True, stdout=subprocess.DEVNULL,
                   timeout=600)


@contextmanager
def loa_serve(env: dict[str, str], args: tuple[str, ...] = (), ready_path: str = "/",
              log_dir: Path | None = None) -> Iterator[Server]:
    """`loa serve` on a free loopback port (prepare the site first), stopped with its children at the end."""
    port = free_port()
    folder = Path(log_dir or tempfile.mkdtemp(prefix="loa-serve-log-"))
    log_path = folder / f"loa-serve-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([*loa_command(), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
                                   env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(process, port, log_path, group=True)
    try:
        wait_for(server, ready_path)
        yield server
    finally:
        server.stop()


def wait_for(server: Server, path: str = "/", timeout: float = 60.0) -> None:
    """Until `path` answers 200, or raise with the server's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("the server exited:\n" + server.log())
        try:
            if httpx.get(server.base_url + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {path} within {timeout:.0f} s:\n" + server.log())
