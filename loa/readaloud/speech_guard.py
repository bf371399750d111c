"""How many speech syntheses run at once: a bound per server process and one for the whole site.

One 20,000-character request costs seconds of CPU, so `POST /v1/audio/speech` runs at most
READALOUD_SPEECH_CONCURRENCY_PER_PROCESS syntheses in a process (a semaphore, checked first:
it costs nothing) and READALOUD_SPEECH_CONCURRENCY on the site (slots in the database, see
loa.core.slots, shared by every process and host). A request that finds no slot is answered
503 at once. The site slot is a lease renewed while the audio streams, so a killed process
gives its slot back after READALOUD_SPEECH_SLOT_LEASE seconds.
"""
from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Iterator

from loa.core import slots

from . import conf

SCOPE = "speech"
BUSY_MEMORY = 0.5  # seconds a process remembers that the site had no free slot (a flood costs no database write)
_site_busy_until = 0.0
_semaphores: dict[int, threading.BoundedSemaphore] = {}
_semaphores_lock = threading.Lock()


def site_capacity() -> int:
    configured = int(conf.get("READALOUD_SPEECH_CONCURRENCY") or 0)
    return configured if configured > 0 else max(1, (os.cpu_count() or 2) // 2)


def _process_semaphore() -> threading.BoundedSemaphore:
    size = max(1, int(conf.get("READALOUD_SPEECH_CONCURRENCY_PER_PROCESS")))
    with _semaphores_lock:
        semaphore = _semaphores.get(size)
        if semaphore is None:
            semaphore = _semaphores[size] = threading.BoundedSemaphore(size)
        return semaphore


class SynthesisSlot:
    """Held from the moment a synthesis is admitted until its stream is closed (release is idempotent)."""

    def __init__(self, semaphore: threading.BoundedSemaphore, lease: slots.Lease) -> None:
        self._semaphore = semaphore
        self._lease = lease
        self._lock = threading.Lock()
        self._held = True
        self._renewed_at = time.monotonic()

    def keep_alive(self) -> None:
        """Renew the site lease when a third of it has passed."""
        if self._held and time.monotonic() - self._renewed_at >= self._lease.seconds / 3:
            slots.renew(self._lease)
            self._renewed_at = time.monotonic()

    def release(self) -> None:
        with self._lock:
            if not self._held:
                return
            self._held = False
        try:
            slots.release(self._lease)
        finally:
            self._semaphore.release()

    def __del__(self) -> None:  # a response dropped without being closed must not keep its slots
        if getattr(self, "_held", False):
            try:
                self.release()
            except Exception:  # noqa: BLE001 - at garbage collection there is no one to tell; the lease expires
                pass


def try_start() -> SynthesisSlot | None:
    """A slot for one synthesis, or None when this process or the site is at its bound.

    After finding the site full, the process answers "busy" for BUSY_MEMORY seconds without asking
    the database again: a freed slot waits at most that long, a flood of requests costs no writes.
    """
    global _site_busy_until
    if time.monotonic() < _site_busy_until:
        return None
    semaphore = _process_semaphore()
    if not semaphore.acquire(blocking=False):
        return None
    try:
        lease = slots.acquire(SCOPE, site_capacity(), float(conf.get("READALOUD_SPEECH_SLOT_LEASE")))
    except BaseException:
        semaphore.release()
        raise
    if lease is None:
        semaphore.release()
        _site_busy_until = time.monotonic() + BUSY_MEMORY
        return None
    return SynthesisSlot(semaphore, lease)


def process_is_busy() -> bool:
    """True when `try_start` would refuse without asking the database: the site was found full a moment
    ago, or every synthesis slot of this process is taken (probed, not held)."""
    if time.monotonic() < _site_busy_until:
        return True
    semaphore = _process_semaphore()
    if not semaphore.acquire(blocking=False):
        return True
    semaphore.release()
    return False


def forget_busy() -> None:
    """Ask the database again at the next request (tests change the capacity between requests)."""
    global _site_busy_until
    _site_busy_until = 0.0


SYNTHESIS_NICE = 10  # a synthesis yields the CPU to page requests (Linux nice value of its threads)
_END = object()


class LowPriorityChunks:
    """Run a chunk generator in a thread of its own at a lower CPU priority (its encoder threads inherit it),
    handing the chunks over through a small queue; `close()` (or losing the last reference) stops it."""

    def __init__(self, make_chunks: Callable[[], Iterator[bytes]], nice: int = SYNTHESIS_NICE) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=8)
        self._stop = threading.Event()
        # The thread holds the queue and the event, not this object, so dropping it stops the thread too.
        threading.Thread(target=_produce, args=(make_chunks, nice, self._queue, self._stop), name="loa-speech",
                         daemon=True).start()

    def __iter__(self) -> LowPriorityChunks:
        return self

    def __next__(self) -> bytes:
        item = self._queue.get()
        if item is _END:
            raise StopIteration
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        self._stop.set()

    def __del__(self) -> None:
        self._stop.set()


def _produce(make_chunks: Callable[[], Iterator[bytes]], nice: int, out: queue.Queue, stop: threading.Event) -> None:
    try:  # on Linux the nice value belongs to the thread: only this one (and threads it starts) is lowered
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except (AttributeError, OSError):
        pass

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                out.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    chunks = None
    try:
        chunks = make_chunks()
        for chunk in chunks:
            if not put(chunk):
                break
    except BaseException as exc:  # noqa: BLE001 - handed to the reader, which raises it
        put(exc)
    finally:
        if chunks is not None:
            getattr(chunks, "close", lambda: None)()
        put(_END)


class GuardedStream:
    """The audio chunks of one synthesis; its slot is released when the stream ends, fails or is closed
    (the WSGI server closes it when the client goes away, even before the first chunk)."""

    def __init__(self, chunks: Iterator[bytes], slot: SynthesisSlot) -> None:
        self._chunks = chunks
        self._slot = slot

    def __iter__(self) -> GuardedStream:
        return self

    def __next__(self) -> bytes:
        try:
            chunk = next(self._chunks)
        except BaseException:
            self.close()
            raise
        self._slot.keep_alive()
        return chunk

    def close(self) -> None:
        try:
            close = getattr(self._chunks, "close", None)
            if close is not None:
                close()
        finally:
            self._slot.release()
