"""Fixed-window limits per client, shared by every process.

With Redis (the "limits" cache alias is then Redis) the counters are Redis keys, added to
with INCRBY; without it they are rows of loa.core's LimitCounter table, added to with one
atomic upsert (a database cache's incr is a get then a set, which loses counts when
processes race). Either way page caching can never evict them and three gunicorn workers
do not each grant the full allowance. Keys hold a salted hash of the client's bucket (an
IPv4 address or an IPv6 /64), never the address itself.
"""
from __future__ import annotations

import math
import random
import time

from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest

from .clientip import client_key

ALIAS = "limits"


def _uses_redis() -> bool:
    return "redis" in type(caches[ALIAS]).__module__


def _add_in_database(key: str, cost: int, expires_at: float, now: float) -> int:
    from .models import LimitCounter

    quote = connection.ops.quote_name
    table = quote(LimitCounter._meta.db_table)
    key_, count, expires = quote("key"), quote("count"), quote("expires_at")
    with connection.cursor() as cursor:
        if random.random() < 0.01:  # now and then, forget windows that are over
            cursor.execute(f"DELETE FROM {table} WHERE {expires} < %s", [now])
        cursor.execute(
            f"INSERT INTO {table} ({key_}, {count}, {expires}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_}) DO UPDATE SET {count} = {table}.{count} + excluded.{count} RETURNING {count}",
            [key, cost, expires_at],
        )
        return int(cursor.fetchone()[0])


def over_limit(scope: str, client: str, limit: int, window: int, cost: int = 1) -> int | None:
    """Count `cost` units for `client` in `scope`; None if within `limit` per `window` seconds,
    else the seconds until the client may try again."""
    now = time.time()
    bucket = int(now // window)
    key = f"loa:limit:{scope}:{client}:{bucket}"
    if not _uses_redis():
        count = _add_in_database(key[:120], cost, (bucket + 1) * window + 1, now)
        return None if count <= limit else max(1, math.ceil((bucket + 1) * window - now))
    cache = caches[ALIAS]
    if cache.add(key, cost, timeout=window + 1):
        count = cost
    else:
        try:
            count = cache.incr(key, cost)
        except ValueError:  # expired between add() and incr()
            cache.set(key, cost, timeout=window + 1)
            count = cost
    if count <= limit:
        return None
    return max(1, math.ceil((bucket + 1) * window - now))


def client_over_limit(request: HttpRequest, scope: str, limit: int, window: int, cost: int = 1) -> int | None:
    """`over_limit` for the request's client (hashed, IPv6 by /64)."""
    return over_limit(scope, client_key(request, scope), limit, window, cost)
