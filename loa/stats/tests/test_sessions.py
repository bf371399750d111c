"""Visits from page-view times: exact whatever order batches are flushed in."""
from __future__ import annotations

import random
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from loa.stats.sessions import CURRENT, PREVIOUS, Session, merge

GAP = 1800.0


def true_visit_starts(times: list[float]) -> list[float]:
    starts, last = [], None
    for t in sorted(times):
        if last is None or t - last > GAP:
            starts.append(t)
        last = t
    return starts


def replay(batches: list[list[float]]) -> tuple[list[Session], list[float]]:
    sessions: list[Session] = []
    counted: list[float] = []
    for batch in batches:
        sessions, deltas = merge(sessions, [(t, "") for t in batch], GAP)
        for d in deltas:
            if d.change > 0:
                counted.append(d.start)
            else:
                counted.remove(d.start)
    return sessions, sorted(counted)


def test_a_view_within_thirty_minutes_continues_the_visit():
    sessions, deltas = merge([], [(0.0, "google.com"), (1000.0, ""), (2799.0, "")], GAP)
    assert [(d.start, d.change, d.referrer) for d in deltas] == [(0.0, 1, "google.com")]
    assert sessions == [Session(0.0, 2799.0, "google.com")]


def test_a_view_after_thirty_minutes_starts_a_new_visit():
    sessions, deltas = merge([Session(0.0, 100.0, "")], [(100.0 + GAP + 1, "")], GAP)
    assert [(d.start, d.change) for d in deltas] == [(100.0 + GAP + 1, 1)]
    assert len(sessions) == 2


def test_a_late_batch_bridging_two_visits_retracts_one():
    existing = [Session(0.0, 0.0, "a.vn"), Session(3000.0, 3000.0, "b.vn")]
    sessions, deltas = merge(existing, [(1500.0, "")], GAP)
    assert sorted((d.start, d.change, d.referrer) for d in deltas) == [(0.0, -1, "a.vn"), (0.0, 1, "a.vn"), (3000.0, -1, "b.vn")]
    assert sessions == [Session(0.0, 3000.0, "a.vn")]


def test_yesterdays_session_continues_under_todays_hash():
    sessions, deltas = merge([Session(100.0, 200.0, "", PREVIOUS)], [(300.0, "")], GAP)
    assert sessions == [Session(100.0, 300.0, "", CURRENT)]
    assert sum(d.change for d in deltas) == 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=6 * 3600, allow_nan=False), min_size=1, max_size=40),
    st.integers(min_value=1, max_value=6),
    st.randoms(use_true_random=False),
)
def test_any_split_and_order_of_batches_gives_the_true_visits(times, parts, rnd: random.Random):
    shuffled = times[:]
    rnd.shuffle(shuffled)
    cuts = sorted(rnd.sample(range(1, len(shuffled)), min(parts - 1, len(shuffled) - 1))) if len(shuffled) > 1 else []
    batches = [shuffled[a:b] for a, b in pairwise([0, *cuts, len(shuffled)])]
    sessions, counted = replay(batches)
    assert counted == true_visit_starts(times)
    assert len(sessions) == len(counted)
