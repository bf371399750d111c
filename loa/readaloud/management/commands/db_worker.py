"""`loa db_worker`: django-tasks-db's worker, plus recovery of audio jobs a killed worker left behind.

django-tasks-db leaves the task of a worker that dies mid-way (SIGKILL, power
loss) in RUNNING for ever. On start, and every WATCH_EVERY seconds, this worker
retries every read-aloud generation whose process is gone or silent. It also
looks for new tasks every 0.25 s instead of every second, so an article's audio
starts being made right after it is published (one indexed query per poll), and
writes a heartbeat row every 10 s that /healthz reads (loa/core/heartbeat.py).
"""
from __future__ import annotations

import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from loa.core.heartbeat import Heartbeat
from loa.readaloud.narration.tasks import recover_abandoned

logger = logging.getLogger(__name__)
WATCH_EVERY = 30.0  # seconds
POLL_EVERY = 0.25  # seconds; django-tasks-db's default is 1


def recover_now() -> int:
    try:
        recovered = recover_abandoned()
    except Exception:  # the worker must run even if recovery cannot (e.g. the database is busy)
        logger.exception("read-aloud: recovery of abandoned jobs failed")
        return 0
    if recovered:
        logger.warning("read-aloud: retrying %d audio job(s) left by a stopped worker", recovered)
    return recovered


def warm_up() -> None:
    """Load the offered neural voices' models now, so a listener's first sentence is not kept waiting."""
    from loa.readaloud.narration.voices import player_voices
    from loa.speech import SpeechVoice

    for voice in player_voices():
        if voice.neural:
            try:
                SpeechVoice.load(voice)
            except Exception:
                logger.warning("read-aloud: could not load voice %s", voice.id, exc_info=True)


def watch(stop: threading.Event) -> None:
    while not stop.wait(WATCH_EVERY):
        close_old_connections()
        recover_now()
    connection.close()


class Command(DatabaseWorkerCommand):
    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        # One worker per site is the norm, so no random start-up delay against a thundering herd.
        parser.set_defaults(interval=POLL_EVERY, startup_delay=False)

    def handle(self, *args, **options) -> None:
        heartbeat = Heartbeat().start()
        recover_now()
        threading.Thread(target=warm_up, name="loa-readaloud-warm-up", daemon=True).start()
        stop = threading.Event()
        threading.Thread(target=watch, args=(stop,), name="loa-readaloud-watch", daemon=True).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            heartbeat.stop()
