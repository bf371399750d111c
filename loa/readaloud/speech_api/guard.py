"""A speech synthesis' stream: made in a thread of lower CPU priority, holding its synthesis slot
(narration/synthesis_slots.py) until the stream ends, fails or is closed."""
from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator

from ..narration.synthesis_slots import SynthesisSlot

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
        return chunk

    def close(self) -> None:
        try:
            close = getattr(self._chunks, "close", None)
            if close is not None:
                close()
        finally:
            self._slot.release()
