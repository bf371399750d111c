"""Fixed-window limits per client, kept in their own cache alias ("limits").

The alias is shared by every process: Redis when REDIS_URL is set, else a database
table (see settings.CACHES), so page caching can never evict the counters and three
gunicorn workers do not each grant the full allowance. Keys hold a salted hash of the
client's bucket (an IPv4 address or an IPv6 /64), never the address itself.
"""
from __future__ import annotations

import math
import time

from django.core.cache import caches
from django.http import HttpRequest

from .clientip import client_key

ALIAS = "limits"


def over_limit(scope: str, client: str, limit: int, window: int, cost: int = 1) -> int | None:
    """Count `cost` units for `client` in `scope`; None if within `limit` per `window` seconds,
    else the seconds until the client may try again."""
    cache = caches[ALIAS]
    now = time.time()
    bucket = int(now // window)
    key = f"loa:limit:{scope}:{client}:{bucket}"
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
