"""Embedded backend: per-process counters, flushed in batches into the database.

The hot path only appends to in-memory buffers. Each flush runs in one
transaction that first takes the FlushLock row, so flushes of all processes are
serialised; visits, distinct visitors and listens are then decided against the
shared VisitorState rows, which makes the totals exact across processes.
"""
from __future__ import annotations

import json
import logging
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

from .. import conf, increments, listens
from ..clock import local_day
from ..models import VisitorState
from ..sessions import CURRENT, PREVIOUS, Session, merge
from .base import RecordedListen, RecordedView
from .ratelimit import MinuteLimiter

log = logging.getLogger(__name__)
KEEP_SESSIONS_SECONDS = 3 * 3600
CHUNK = 500


@dataclass
class Batch:
    counts: Counter = field(default_factory=Counter)  # view counters, known without shared state
    views: dict[str, list[tuple[float, str]]] = field(default_factory=lambda: defaultdict(list))
    visitors: dict[str, RecordedView | RecordedListen] = field(default_factory=dict)  # hash -> a record (day, previous)
    listens: list[RecordedListen] = field(default_factory=list)
    active: dict[str, float] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.visitors)

    def absorb(self, other: Batch) -> None:
        """Put a batch that failed to flush back in front of this one."""
        self.counts.update(other.counts)
        for key, values in other.views.items():
            self.views[key][:0] = values
        for key, record in other.visitors.items():
            self.visitors.setdefault(key, record)
        self.listens[:0] = other.listens
        for key, at in other.active.items():
            self.active[key] = max(at, self.active.get(key, at))


class MemoryCollector:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._batch = Batch()
        self._limiter = MinuteLimiter()

    def start(self) -> None:
        """Nothing runs in the background besides the common flush timer."""

    def record_view(self, view: RecordedView) -> bool:
        limit = conf.get("STATS_MAX_HITS_PER_MINUTE")
        visitor = view.visitor
        with self._lock:
            if not self._limiter.allow("v" + visitor.hash, view.at, limit):
                return False
            batch = self._batch
            batch.counts[increments.total(visitor.day, "views")] += 1
            batch.counts[increments.page_view(visitor.day, view.path)] += 1
            batch.views[visitor.hash].append((view.at, view.referrer_host))
            self._seen(batch, visitor.hash, view)
        return True

    def record_listen(self, listen: RecordedListen) -> bool:
        limit = conf.get("STATS_MAX_LISTEN_EVENTS_PER_MINUTE")
        visitor = listen.visitor
        with self._lock:
            if not self._limiter.allow("l" + visitor.hash, listen.at, limit):
                return False
            batch = self._batch
            if listen.bits:
                batch.listens.append(listen)
            self._seen(batch, visitor.hash, listen)
        return True

    @staticmethod
    def _seen(batch: Batch, visitor_hash: str, event: RecordedView | RecordedListen) -> None:
        """Keep the visitor's first event of the batch and its latest time (for "Đang online")."""
        batch.visitors.setdefault(visitor_hash, event)
        if event.at > batch.active.get(visitor_hash, 0.0):
            batch.active[visitor_hash] = event.at

    def flush(self) -> None:
        with self._flush_lock:
            with self._lock:
                batch, self._batch = self._batch, Batch()
            if not batch:
                return
            try:
                with transaction.atomic():
                    increments.take_flush_lock()
                    _write(batch)
            except Exception:
                with self._lock:
                    batch.absorb(self._batch)
                    self._batch = batch
                raise

    def online(self, now: datetime) -> int:
        since = now - timedelta(seconds=conf.get("STATS_ONLINE_SECONDS"))
        return VisitorState.objects.filter(last_active__gte=since).count()

    def pending_visits(self, days: list[date]) -> dict[date, int]:
        try:
            self.flush()  # this process's part; other processes' arrive within STATS_FLUSH_SECONDS
        except Exception:
            log.exception("flushing visitor statistics failed; will retry")
        return {}

    def close(self, flush: bool = True) -> None:
        if flush:
            self.flush()


@dataclass
class State:
    """A VisitorState row as plain data (the flush touches thousands; model instances cost too much)."""

    hash: str
    day: date
    last_active: datetime | None = None
    viewed: bool = False
    sessions: list = field(default_factory=list)
    listens: dict = field(default_factory=dict)


STATE_COLUMNS = ("hash", "day", "last_active", "viewed", "sessions", "listens")


def _load(hashes: set[str]) -> dict[str, State]:
    rows: dict[str, State] = {}
    ordered = sorted(hashes)
    for start in range(0, len(ordered), CHUNK):
        for values in VisitorState.objects.filter(hash__in=ordered[start:start + CHUNK]).values_list(*STATE_COLUMNS):
            rows[values[0]] = State(*values)
    return rows


def _save(states: list[State]) -> None:
    """Upsert the changed rows; the flush lock is held, so plain "set to these values" is safe."""
    if not states:
        return
    ops, quote = connection.ops, connection.ops.quote_name
    table = quote(VisitorState._meta.db_table)
    json_value = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in STATE_COLUMNS)}) "
        f"VALUES (%s, %s, %s, %s, {json_value}, {json_value}) "
        f"ON CONFLICT ({quote('hash')}) DO UPDATE SET "
        + ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in STATE_COLUMNS[1:])
    )
    rows = [
        (
            state.hash, ops.adapt_datefield_value(state.day), ops.adapt_datetimefield_value(state.last_active),
            state.viewed, json.dumps(state.sessions, separators=(",", ":")), json.dumps(state.listens, separators=(",", ":")),
        )
        for state in states
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            cursor.executemany(sql, rows[start:start + CHUNK])


def _aware(at: float) -> datetime:
    return datetime.fromtimestamp(at, tz=UTC)


def _write(batch: Batch) -> None:
    gap = float(conf.get("STATS_VISIT_GAP_SECONDS"))
    counts = batch.counts
    previous_of = {h: r.visitor.previous for h, r in batch.visitors.items() if r.visitor.previous}
    rows = _load(set(batch.visitors) | set(previous_of.values()))
    changed: dict[str, State] = {}

    def row_for(record: RecordedView | RecordedListen) -> State:
        visitor = record.visitor
        row = rows.get(visitor.hash)
        if row is None:
            row = rows[visitor.hash] = State(visitor.hash, visitor.day)
        changed[visitor.hash] = row
        return row

    for key, views in batch.views.items():
        record = batch.visitors[key]
        row = row_for(record)
        previous = rows.get(previous_of.get(key, ""))
        existing = [Session.from_json(s, CURRENT) for s in row.sessions]
        if previous is not None:
            existing += [Session.from_json(s, PREVIOUS) for s in previous.sessions]
        sessions, deltas = merge(existing, views, gap)
        for delta in deltas:
            day = local_day(delta.start)
            counts[increments.total(day, "visits")] += delta.change
            if delta.referrer:
                counts[increments.referrer(day, delta.referrer)] += delta.change
        newest = max(t for t, _ in views)
        keep = [s for s in sessions if s.end >= newest - KEEP_SESSIONS_SECONDS]
        row.sessions = [s.as_json() for s in keep if s.owner == CURRENT]
        if previous is not None:
            kept_previous = [s.as_json() for s in keep if s.owner == PREVIOUS]
            if kept_previous != previous.sessions:
                previous.sessions = kept_previous
                previous.last_active = None  # the visit continues under today's hash: not two people online
                changed[previous.hash] = previous
        if not row.viewed:
            row.viewed = True
            counts[increments.total(record.visitor.day, "visitors")] += 1

    for listen in sorted(batch.listens, key=lambda item: item.at):
        row = row_for(listen)
        page = str(listen.page_id)
        old = int(row.listens.get(page, 0))
        new = old | listen.bits
        if new != old:
            row.listens = {**row.listens, page: new}
            for bit in listens.ALL_BITS:
                if new & bit and not old & bit:
                    counts.update(increments.listen_keys(listen.visitor.day, listen.page_id, bit, listen.voice, listen.speed))

    for key, at in batch.active.items():
        row = row_for(batch.visitors[key])
        moment = _aware(at)
        if row.last_active is None or moment > row.last_active:
            row.last_active = moment

    _save(list(changed.values()))
    increments.apply(counts)
