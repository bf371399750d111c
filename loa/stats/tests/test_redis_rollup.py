"""The Redis roll-up adds each batch exactly once, also when a process died half-way."""
from __future__ import annotations

import time

import pytest

from loa.stats import clock
from loa.stats.backends import RecordedView, get_collector
from loa.stats.identity import Visitor
from loa.stats.models import DailyTotal

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.parametrize("backend", ["redis"], indirect=True)]


def record(collector, n: int, first: int = 0) -> None:
    day = clock.today()
    for i in range(first, first + n):
        assert collector.record_view(RecordedView(Visitor(f"{i:032x}", "", day), time.time(), "/", ""))


def views() -> int:
    return sum(DailyTotal.objects.values_list("views", flat=True))


def test_a_batch_left_by_a_crashed_process_is_applied_once(backend, flush):
    collector = get_collector()
    record(collector, 3)
    collector.push()
    orphan = collector.key("batch", "1", "crashed")  # taken long ago, never applied
    assert collector._take(keys=[collector.pending_key, orphan, collector.key("batches")])
    record(collector, 2, first=3)
    flush()
    assert views() == 5
    assert not collector.client.exists(orphan) and not collector.client.smembers(collector.key("batches"))


def test_a_batch_applied_but_not_deleted_is_not_applied_again(backend, flush):
    collector = get_collector()
    record(collector, 4)
    collector.push()
    batch = collector.key("batch", "2", "half-done")
    assert collector._take(keys=[collector.pending_key, batch, collector.key("batches")])
    saved = collector.client.hgetall(batch)
    collector._apply(batch)
    assert views() == 4
    collector.client.hset(batch, mapping=saved)  # as if the process died before deleting it
    collector.client.sadd(collector.key("batches"), batch)
    flush()
    assert views() == 4
    assert not collector.client.exists(batch)
