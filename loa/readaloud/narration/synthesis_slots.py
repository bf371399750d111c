"""How many syntheses run at once on this machine. Every synthesis takes a slot here first: an article's
narration (tasks.py), a widget page's (loa.widget, through loa.readaloud.service) and a
`POST /v1/audio/speech` stream (speech_api), held until its audio is finished or its stream closed.

Synthesis is CPU work on the machine that does it, so the bound is per machine, counting every
process of the installation (web and task workers): READALOUD_SYNTHESES_PER_MACHINE slots (0 = one
per CPU). With two nodes each has its own slots, as it has its own CPUs. A slot is an exclusive
lock (flock) on one of as many files in the machine's temporary folder:

- the operating system drops a lock when its process ends, however it ends, so a killed holder
  never keeps its slot, and nothing has to expire;
- taking or probing a slot asks no database and writes nothing, so a flood of refused requests
  costs a few system calls each.

Who finds no free slot waits: a narration task is enqueued again SLOT_WAIT seconds later, a speech
request is answered 503 with Retry-After: READALOUD_SPEECH_BUSY_RETRY_AFTER.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from .. import conf

SLOT_WAIT = 3  # seconds before a narration that found every slot busy asks again


def capacity() -> int:
    configured = int(conf.get("READALOUD_SYNTHESES_PER_MACHINE") or 0)
    return configured if configured > 0 else max(1, os.cpu_count() or 1)


def slots_dir() -> Path:
    """One folder per installation on this machine (its data folder names it)."""
    installation = hashlib.sha256(str(Path(settings.LOA_DATA_DIR).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"loa-synthesis-slots-{installation}"


class SynthesisSlot:
    """One held slot; `release()` may be called more than once, from any thread."""

    def __init__(self, descriptor: int, number: int) -> None:
        self.number = number
        self._descriptor = descriptor
        self._lock = threading.Lock()

    @property
    def held(self) -> bool:
        return self._descriptor >= 0

    def release(self) -> None:
        with self._lock:
            descriptor, self._descriptor = self._descriptor, -1
        if descriptor >= 0:
            os.close(descriptor)  # closing the file drops its lock

    def __del__(self) -> None:  # a stream dropped without being closed must not keep its slot
        if getattr(self, "_descriptor", -1) >= 0:
            self.release()


def try_take() -> SynthesisSlot | None:
    """A free slot, or None at once when every one is held (by this process or another)."""
    folder = slots_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(capacity()):
        # A descriptor of its own per attempt: flock locks belong to the open file, so two threads of
        # one process exclude each other as two processes do. os.open's descriptors are not inherited.
        descriptor = os.open(folder / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            continue
        return SynthesisSlot(descriptor, number)
    return None


def is_full() -> bool:
    """True when `try_take` would find no slot now (probed: a free slot is taken and given back)."""
    slot = try_take()
    if slot is None:
        return True
    slot.release()
    return False


@contextmanager
def synthesis_slot() -> Iterator[SynthesisSlot | None]:
    """Yields a held slot, released when the block ends, or None at once if every slot is busy."""
    slot = try_take()
    try:
        yield slot
    finally:
        if slot is not None:
            slot.release()
