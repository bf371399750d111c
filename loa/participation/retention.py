"""Erasing citizens' contact details once they are no longer needed.

Each app registers what it erases (`register(name, function)` in its AppConfig.ready); the
function takes the cut-off time (contact details of items closed before it are erased) and
returns how many items it erased. `loa participation_upkeep` (and `loa serve`, hourly) runs them.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone

from . import conf

Eraser = Callable[[datetime], int]
_erasers: dict[str, Eraser] = {}


def register(name: str, eraser: Eraser) -> None:
    _erasers[name] = eraser


def cutoff(now: datetime | None = None) -> datetime:
    days = int(conf.get("PARTICIPATION_CONTACT_RETENTION_DAYS"))
    return (now or timezone.now()) - timedelta(days=days)


def erase_expired_contacts(now: datetime | None = None) -> dict[str, int]:
    """Run every registered eraser; returns the number of items erased per eraser."""
    before = cutoff(now)
    return {name: eraser(before) for name, eraser in sorted(_erasers.items())}
