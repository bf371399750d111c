"""Per-process cap of events per visitor per minute (fixed one-minute windows)."""
from __future__ import annotations

from collections import Counter


class MinuteLimiter:
    """Not thread-safe: call under the collector's lock."""

    def __init__(self) -> None:
        self._minute = -1
        self._counts: Counter = Counter()

    def allow(self, key: str, at: float, limit: int) -> bool:
        minute = int(at // 60)
        if minute != self._minute:
            self._minute = minute
            self._counts.clear()
        self._counts[key] += 1
        return self._counts[key] <= limit
