"""Is the process generating a narration still alive? (A killed worker leaves its job "running".)"""
from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from django.utils import timezone

from .. import conf
from ..models import Narration, NarrationState


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def is_abandoned(narration: Narration, now: datetime | None = None) -> bool:
    """A running narration whose worker process is gone or has not reported for a while."""
    if narration.state != NarrationState.RUNNING:
        return False
    now = now or timezone.now()
    stale_after = timedelta(seconds=conf.get("READALOUD_STALE_AFTER"))
    if narration.heartbeat_at is None or now - narration.heartbeat_at > stale_after:
        return True
    host, _, pid = narration.worker.rpartition(":")
    return host == socket.gethostname() and pid.isdigit() and not _process_alive(int(pid))


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _not_a_zombie(pid)


def _not_a_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True
