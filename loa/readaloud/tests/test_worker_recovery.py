"""A worker killed mid-generation: its job is retried when a worker starts again."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from loa.pages.demo.convert import text_to_blocks
from loa.readaloud.models import Narration, NarrationState
from loa.readaloud.narration.liveness import is_abandoned

from .helpers import keep_test_connection, publish_article, readaloud_tasks, run_tasks

SEED = Path(__file__).resolve().parents[2] / "pages" / "demo" / "seed-article.txt"


@pytest.fixture
def keep_signal_handlers():
    """The worker command installs SIGINT/SIGTERM handlers; give pytest its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.django_db
def test_abandoned_when_silent_or_its_process_is_gone(article):
    narration = Narration.objects.get(page_id=article.pk)
    now = timezone.now()
    narration.state = NarrationState.RUNNING
    narration.worker, narration.heartbeat_at = "another-host:123", now
    assert not is_abandoned(narration, now)
    assert is_abandoned(narration, now + timedelta(minutes=5))
    narration.worker = f"{os.uname().nodename}:{dead_pid()}"
    assert is_abandoned(narration, now)
    narration.worker = f"{os.uname().nodename}:{os.getpid()}"
    assert not is_abandoned(narration, now)


@pytest.mark.django_db
def test_worker_start_retries_a_job_whose_worker_died(article, keep_signal_handlers):
    task = readaloud_tasks().get()
    # What a SIGKILLed worker leaves: the task claimed and RUNNING, the narration running under a dead pid.
    DBTaskResult.objects.filter(pk=task.pk).update(status="RUNNING", started_at=timezone.now())
    Narration.objects.filter(page_id=article.pk).update(
        state=NarrationState.RUNNING, attempts=1, worker=f"{os.uname().nodename}:{dead_pid()}",
        heartbeat_at=timezone.now(), task_id=str(task.pk),
    )
    with keep_test_connection():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*", verbosity=0)
    narration = Narration.objects.get(page_id=article.pk)
    assert narration.state == NarrationState.READY and narration.attempts == 2
    assert DBTaskResult.objects.get(pk=task.pk).status == "FAILED"


# -- the real thing: a worker process killed with SIGKILL ----------------------------------------

def _database_for_subprocess(tmp_path: Path) -> tuple[str, callable]:
    """A DATABASE_URL the worker processes can open, and a way to read a narration row from it."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        # pytest-django keeps the SQLite test database in memory: copy it to a file.
        path = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()

        def read(page_id: int) -> tuple:
            with sqlite3.connect(path, timeout=10) as db:
                return db.execute("SELECT state, attempts, error FROM readaloud_narration WHERE page_id = ?",
                                  (page_id,)).fetchone()

        return f"sqlite:///{path}", read

    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    url = f"postgresql://{user}{password}@{host}{port}/{settings_dict['NAME']}"

    def read(page_id: int) -> tuple:
        return tuple(Narration.objects.filter(page_id=page_id).values_list("state", "attempts", "error").get())

    return url, read


def _worker(env: dict, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "loa.cli", "db_worker", "--queue-name", "*", "--no-reload",
               "--no-startup-delay", "--interval", "0.05", *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.django_db(transaction=True)
def test_killed_worker_job_is_picked_up_by_the_next_worker(category, tmp_path):
    article = publish_article(category, title="Báo cáo chính trị", summary="",
                              body=text_to_blocks(SEED.read_text(encoding="utf-8")))
    url, read = _database_for_subprocess(tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "LOA_DATA_DIR": str(tmp_path / "data"),
           "MEDIA_ROOT": str(tmp_path / "media"), "READALOUD_CACHE_DIR": str(tmp_path / "chunks")}
    env.pop("PYTEST_CURRENT_TEST", None)

    first = _worker(env)
    deadline = time.monotonic() + 60
    while read(article.pk)[0] != "running":
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "the worker never started the job"
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert read(article.pk)[0] == "running"  # left behind, as django-tasks-db leaves it

    second = _worker(env, "--batch")
    _, errors = second.communicate(timeout=120)
    state, attempts, error = read(article.pk)
    assert (state, attempts, error) == ("ready", 2, ""), errors.decode()[-2000:]



@pytest.mark.django_db
def test_tasks_queued_before_the_narration_tasks_moved_are_renamed(article):
    """loa.readaloud.migrations.0002: a task queued under the old module path runs after the upgrade."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("loa.readaloud.migrations.0002_moved_task_paths")
    queued = readaloud_tasks("READY").get()
    DBTaskResult.objects.filter(pk=queued.pk).update(task_path="loa.readaloud.tasks.generate_narration")
    migration.rename(apps, None)
    queued.refresh_from_db()
    assert queued.task_path == "loa.readaloud.narration.tasks.generate_narration"
    run_tasks()
    assert Narration.objects.get(page_id=article.pk).state == NarrationState.READY
