"""The process's collector, chosen by STATS_BACKEND, with its background flusher."""
from __future__ import annotations

import atexit
import logging
import os
import threading

from django.db import close_old_connections

from .. import conf
from .base import Collector, RecordedListen, RecordedView

__all__ = ["Collector", "RecordedListen", "RecordedView", "get_collector", "reset_collector"]
log = logging.getLogger(__name__)

_lock = threading.Lock()
_collector: Collector | None = None
_pid: int | None = None
_stop: threading.Event | None = None


def _build() -> Collector:
    name = conf.backend_name()
    if name == "redis":
        from .redis import RedisCollector

        return RedisCollector(conf.get("STATS_REDIS_URL"), conf.get("STATS_REDIS_PREFIX"))
    if name == "memory":
        from .memory import MemoryCollector

        return MemoryCollector()
    raise ValueError(f"unknown STATS_BACKEND {name!r}")


def _flush_loop(collector: Collector, stop: threading.Event, interval: float) -> None:
    from ..clock import today
    from ..maintenance import run_maintenance

    maintained = None
    while not stop.wait(interval):
        try:
            collector.flush()
            if maintained != today():  # once a day per process: rotate salts, drop old visitor state
                run_maintenance()
                maintained = today()
        except Exception:
            log.exception("flushing visitor statistics failed; will retry")
        finally:
            close_old_connections()


def get_collector() -> Collector:
    """The collector of this process (a new one after a fork), flushing every STATS_FLUSH_SECONDS."""
    global _collector, _pid, _stop
    if _collector is not None and _pid == os.getpid():
        return _collector
    with _lock:
        if _collector is None or _pid != os.getpid():
            _collector = _build()
            _pid = os.getpid()
            interval = float(conf.get("STATS_FLUSH_SECONDS"))
            _stop = threading.Event()
            if interval > 0:
                _collector.start()
                thread = threading.Thread(
                    target=_flush_loop, args=(_collector, _stop, interval), name="stats-flush", daemon=True
                )
                thread.start()
        return _collector


def reset_collector(flush: bool = True) -> None:
    """Flush and drop this process's collector (at exit; tests use it to switch settings)."""
    global _collector, _stop
    with _lock:
        collector, stop = _collector, _stop
        _collector, _stop = None, None
    if stop is not None:
        stop.set()
    if collector is not None and _pid == os.getpid():
        try:
            collector.close(flush=flush)
        except Exception:
            log.exception("final flush of visitor statistics failed")


atexit.register(reset_collector)
