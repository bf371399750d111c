"""At most LOA_TTS_JOBS neural narrations are generated at once on this machine (every worker counts).

Each running generation holds an exclusive lock on one of LOA_TTS_JOBS lock files; the
operating system releases it when the process ends, however it ends.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from . import conf


def slots_dir() -> Path:
    installation = hashlib.sha256(str(Path(settings.LOA_DATA_DIR).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"loa-tts-slots-{installation}"


def job_limit() -> int:
    return max(1, int(conf.get("LOA_TTS_JOBS")))


@contextmanager
def tts_slot() -> Iterator[bool]:
    """Yields True holding a free slot, or False at once if every slot is taken."""
    folder = slots_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(job_limit()):
        descriptor = os.open(folder / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            continue
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)
        return
    yield False
