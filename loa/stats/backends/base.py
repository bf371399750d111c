"""What a collector backend does; views and summaries only talk to this."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from ..identity import Visitor


@dataclass(frozen=True)
class RecordedView:
    visitor: Visitor
    at: float  # Unix seconds
    path: str
    referrer_host: str


@dataclass(frozen=True)
class RecordedListen:
    visitor: Visitor
    at: float
    page_id: int
    bits: int
    voice: str
    speed: str


class Collector(Protocol):
    def start(self) -> None:
        """Start the backend's own background work, if any (called once per process)."""

    def record_view(self, view: RecordedView) -> bool:
        """Count a page view; False when the visitor is over the per-minute cap."""

    def record_listen(self, listen: RecordedListen) -> bool:
        """Count a player report (also a heartbeat for "online"); False when over the cap."""

    def flush(self) -> None:
        """Move what is counted so far into the database rollups."""

    def online(self, now: datetime) -> int:
        """Distinct visitors active in the last STATS_ONLINE_SECONDS."""

    def pending_visits(self, days: list[date]) -> dict[date, int]:
        """Visits counted but not yet in the rollups, for the given days."""

    def close(self, flush: bool = True) -> None:
        """Stop background work, flush (unless told not to) and release resources."""
