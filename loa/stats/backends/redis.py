"""Scale-out backend: hits are decided in Redis by a Lua script; a periodic roll-up moves the counters into the database.

The request thread only appends to a local queue; a pusher thread sends the
queue to Redis every STATS_REDIS_PUSH_SECONDS in one pipeline (one round trip
for many hits). Visits, distinct visitors and "online" are decided atomically
inside Redis, so any number of processes and hosts agree.

Counters accumulate in one Redis hash ("pending"). A roll-up renames it to a
batch key (atomic), adds the batch to the rollups in a transaction that also
records the batch id, then deletes it; a batch left behind by a crash is
finished later by any process, and the recorded id keeps it from counting twice.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from datetime import date, datetime

import redis
from django.db import IntegrityError, transaction
from redis.commands.core import Script

from .. import clock, conf, increments, listens
from ..models import AppliedBatch
from .base import RecordedListen, RecordedView
from .ratelimit import MinuteLimiter

log = logging.getLogger(__name__)
STATE_TTL = 3 * 86400
ORPHAN_AGE = 60

# KEYS: (unused), seen, seen_previous, online, pending, visitors_of_day
# ARGV: (unused), hash, previous, now, gap, views_key, page_key, visits_key, referrer_key, visitors_key, ttl
VIEW_SCRIPT = """
local now = tonumber(ARGV[4])
local gap = tonumber(ARGV[5])
local ttl = tonumber(ARGV[11])
redis.call('HINCRBY', KEYS[5], ARGV[6], 1)
redis.call('HINCRBY', KEYS[5], ARGV[7], 1)
redis.call('ZADD', KEYS[4], now, ARGV[2])
local last = tonumber(redis.call('GET', KEYS[2]) or '-1e18')
if now > last then redis.call('SET', KEYS[2], ARGV[4], 'EX', ttl) end
local new_visit = now - last > gap
if new_visit and ARGV[3] ~= '' then
  local before = tonumber(redis.call('GET', KEYS[3]) or '-1e18')
  if now - before <= gap then
    new_visit = false
    redis.call('ZREM', KEYS[4], ARGV[3])
  end
end
if new_visit then
  redis.call('HINCRBY', KEYS[5], ARGV[8], 1)
  if ARGV[9] ~= '' then redis.call('HINCRBY', KEYS[5], ARGV[9], 1) end
end
if redis.call('SADD', KEYS[6], ARGV[2]) == 1 then
  redis.call('EXPIRE', KEYS[6], ttl)
  redis.call('HINCRBY', KEYS[5], ARGV[10], 1)
end
return 1
"""

# KEYS: (unused), online, listened, pending
# ARGV: (unused), hash, now, page, bits, ttl, then for each bit: bit, key count, keys...
LISTEN_SCRIPT = """
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), ARGV[2])
local bits = tonumber(ARGV[5])
if bits == 0 then return 1 end
local old = tonumber(redis.call('HGET', KEYS[3], ARGV[4]) or '0')
local new = bit.bor(old, bits)
if new == old then return 1 end
redis.call('HSET', KEYS[3], ARGV[4], new)
redis.call('EXPIRE', KEYS[3], tonumber(ARGV[6]))
local i = 7
while i <= #ARGV do
  local b = tonumber(ARGV[i])
  local count = tonumber(ARGV[i + 1])
  if bit.band(new, b) ~= 0 and bit.band(old, b) == 0 then
    for j = 1, count do redis.call('HINCRBY', KEYS[4], ARGV[i + 1 + j], 1) end
  end
  i = i + 2 + count
end
return 1
"""

# KEYS: pending, batch, batches (set of batches taken and not yet finished)
TAKE_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], KEYS[2])
  return 1
end
return 0
"""


class RedisCollector:
    def __init__(self, url: str, prefix: str) -> None:
        self.client = redis.Redis.from_url(url)
        self.prefix = prefix
        self._view = self.client.register_script(VIEW_SCRIPT)
        self._listen = self.client.register_script(LISTEN_SCRIPT)
        self._take = self.client.register_script(TAKE_SCRIPT)
        self._flush_lock = threading.Lock()
        self._lock = threading.Lock()
        self._push_lock = threading.Lock()
        self._queue: list[tuple[Script, list[str], list]] = []
        self._limiter = MinuteLimiter()
        self._stop = threading.Event()

    def start(self) -> None:
        """Push queued hits to Redis every STATS_REDIS_PUSH_SECONDS from a background thread."""
        interval = float(conf.get("STATS_REDIS_PUSH_SECONDS"))
        thread = threading.Thread(target=self._push_loop, args=(interval,), name="stats-redis-push", daemon=True)
        thread.start()

    def _push_loop(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.push()
            except Exception:
                log.exception("pushing visitor statistics to Redis failed; will retry")

    def _enqueue(self, kind: str, hash_: str, at: float, limit: int, script: Script, keys: list[str], args: list) -> bool:
        with self._lock:
            if not self._limiter.allow(kind + hash_, at, limit):
                return False
            self._queue.append((script, keys, args))
        return True

    def push(self) -> None:
        """Send the queued hits to Redis in one pipeline; on failure they stay queued."""
        with self._push_lock:
            with self._lock:
                queue, self._queue = self._queue, []
            if not queue:
                return
            try:
                pipe = self.client.pipeline(transaction=False)
                for script, keys, args in queue:
                    script(keys=keys, args=args, client=pipe)
                pipe.execute()
            except Exception:
                with self._lock:
                    self._queue[:0] = queue
                raise

    def key(self, *parts: str) -> str:
        return self.prefix + ":".join(parts)

    @property
    def pending_key(self) -> str:
        return self.key("pending")

    @property
    def online_key(self) -> str:
        return self.key("online")

    def record_view(self, view: RecordedView) -> bool:
        visitor = view.visitor
        keys = [
            "-",
            self.key("seen", visitor.hash),
            self.key("seen", visitor.previous or "-"),
            self.online_key,
            self.pending_key,
            self.key("visitors", visitor.day.isoformat()),
        ]
        args = [
            conf.get("STATS_MAX_HITS_PER_MINUTE"), visitor.hash, visitor.previous, repr(view.at),
            conf.get("STATS_VISIT_GAP_SECONDS"),
            increments.total(visitor.day, "views"), increments.page_view(visitor.day, view.path),
            increments.total(visitor.day, "visits"),
            increments.referrer(visitor.day, view.referrer_host) if view.referrer_host else "",
            increments.total(visitor.day, "visitors"), STATE_TTL,
        ]
        return self._enqueue("v", visitor.hash, view.at, conf.get("STATS_MAX_HITS_PER_MINUTE"), self._view, keys, args)

    def record_listen(self, listen: RecordedListen) -> bool:
        visitor = listen.visitor
        keys = [
            "-",
            self.online_key,
            self.key("listened", visitor.hash),
            self.pending_key,
        ]
        args: list = [
            conf.get("STATS_MAX_LISTEN_EVENTS_PER_MINUTE"), visitor.hash, repr(listen.at),
            str(listen.page_id), listen.bits, STATE_TTL,
        ]
        for bit in listens.ALL_BITS:
            bit_keys = increments.listen_keys(visitor.day, listen.page_id, bit, listen.voice, listen.speed)
            args += [bit, len(bit_keys), *bit_keys]
        return self._enqueue(
            "l", visitor.hash, listen.at, conf.get("STATS_MAX_LISTEN_EVENTS_PER_MINUTE"), self._listen, keys, args
        )

    def flush(self) -> None:
        self.push()
        with self._flush_lock:
            for orphan in self._orphans():
                self._apply(orphan)
            batch = self.key("batch", str(int(time.time())), uuid.uuid4().hex)
            if self._take(keys=[self.pending_key, batch, self.key("batches")]):
                self._apply(batch)
            horizon = clock.now().timestamp() - 2 * conf.get("STATS_ONLINE_SECONDS")
            self.client.zremrangebyscore(self.online_key, "-inf", horizon)

    def _orphans(self) -> list[str]:
        """Batches some process took but did not finish (it crashed or lost the database)."""
        old = time.time() - ORPHAN_AGE
        found = []
        for raw in self.client.smembers(self.key("batches")):
            name = raw.decode()
            try:
                taken = int(name[len(self.key("batch", "")):].split(":", 1)[0])
            except ValueError:
                continue
            if taken < old:
                found.append(name)
        return found

    def _apply(self, batch: str) -> None:
        counts = {k.decode(): int(v) for k, v in self.client.hgetall(batch).items()}
        batch_id = batch[len(self.prefix):][:80]
        try:
            with transaction.atomic():
                AppliedBatch.objects.create(id=batch_id)
                increments.apply(counts)
        except IntegrityError:
            log.info("stats batch %s was already applied", batch_id)
        pipe = self.client.pipeline()
        pipe.delete(batch)
        pipe.srem(self.key("batches"), batch)
        pipe.execute()

    def online(self, now: datetime) -> int:
        self.push()
        since = now.timestamp() - conf.get("STATS_ONLINE_SECONDS")
        return int(self.client.zcount(self.online_key, since, "+inf"))

    def pending_visits(self, days: list[date]) -> dict[date, int]:
        if not days:
            return {}
        self.push()
        values = self.client.hmget(self.pending_key, [increments.total(day, "visits") for day in days])
        return {day: int(value) for day, value in zip(days, values, strict=True) if value is not None}

    def close(self, flush: bool = True) -> None:
        self._stop.set()
        try:
            if flush:
                self.flush()
        finally:
            self.client.close()
