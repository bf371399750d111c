"""Task worker heartbeats: `loa db_worker` touches its row every BEAT_EVERY seconds, /healthz reads the newest.

A row in the database (not a file) so a health check on one machine sees workers on
any other machine that shares the database. A worker that stops cleanly removes its
row; one that is killed leaves a row that simply grows old.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import datetime

from django.db import close_old_connections, connection
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)
BEAT_EVERY = 10.0  # seconds


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:128]


def beat(name: str | None = None) -> None:
    WorkerHeartbeat.objects.update_or_create(worker=name or worker_name(), defaults={"beat_at": timezone.now()})


def forget(name: str | None = None) -> None:
    WorkerHeartbeat.objects.filter(worker=name or worker_name()).delete()


def latest() -> datetime | None:
    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


class Heartbeat:
    """Beats in a daemon thread from start() until stop(), which also removes this worker's row."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or worker_name()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="loa-heartbeat", daemon=True)

    def start(self) -> Heartbeat:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            try:
                close_old_connections()
                beat(self.name)
            except Exception:
                logger.warning("task worker heartbeat could not be written", exc_info=True)
            if self._stop.wait(BEAT_EVERY):
                break
        try:
            forget(self.name)
        except Exception:
            logger.warning("task worker heartbeat could not be removed", exc_info=True)
        finally:
            connection.close()
