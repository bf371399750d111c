"""Visits from page-view times, exact whatever order batches of them arrive in.

A visit is a run of page views with no gap longer than the visit gap. Each batch
is merged with the visitor's recent sessions; a batch that bridges two sessions
(possible when processes flush out of order) retracts the later one, so the sum
of the deltas always equals the visits of the sorted sequence.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CURRENT = "current"
PREVIOUS = "previous"


@dataclass(frozen=True)
class Session:
    start: float
    end: float
    referrer: str
    owner: str = CURRENT  # which visitor row (today's or yesterday's hash) keeps it

    def as_json(self) -> list:
        return [round(self.start, 3), round(self.end, 3), self.referrer]

    @classmethod
    def from_json(cls, value: list, owner: str = CURRENT) -> Session:
        return cls(float(value[0]), float(value[1]), str(value[2]), owner)


@dataclass(frozen=True)
class VisitDelta:
    start: float
    referrer: str
    change: int  # +1 a visit starts here, -1 a visit counted earlier is retracted


def merge(existing: Iterable[Session], views: Iterable[tuple[float, str]], gap: float) -> tuple[list[Session], list[VisitDelta]]:
    """Sessions after adding page views (time, referrer host), and the visit deltas that causes."""
    items: list[tuple[float, float, str, Session | None]] = [(s.start, s.end, s.referrer, s) for s in existing]
    items += [(t, t, ref, None) for t, ref in views]
    items.sort(key=lambda item: (item[0], item[1]))
    groups: list[list[tuple[float, float, str, Session | None]]] = []
    group_end = float("-inf")
    for item in items:
        if groups and item[0] - group_end <= gap:
            groups[-1].append(item)
            group_end = max(group_end, item[1])
        else:
            groups.append([item])
            group_end = item[1]

    sessions: list[Session] = []
    deltas: list[VisitDelta] = []
    for group in groups:
        olds = [item[3] for item in group if item[3] is not None]
        has_new = len(olds) < len(group)
        first = group[0]
        if not has_new and len(olds) == 1:
            sessions.append(olds[0])
            continue
        owner = CURRENT if has_new or any(s.owner == CURRENT for s in olds) else PREVIOUS
        merged = Session(first[0], max(item[1] for item in group), first[2], owner)
        sessions.append(merged)
        deltas.append(VisitDelta(merged.start, merged.referrer, +1))
        deltas.extend(VisitDelta(s.start, s.referrer, -1) for s in olds)
    return sessions, deltas
