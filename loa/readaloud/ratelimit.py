"""A fixed-window request limit per client, kept in Django's cache (shared between processes with Redis)."""
from __future__ import annotations

import math
import time

from django.core.cache import cache


def over_limit(scope: str, client: str, limit: int, window: int) -> int | None:
    """Count one request; None if allowed, else the seconds until the client may try again."""
    now = time.time()
    bucket = int(now // window)
    key = f"loa:ratelimit:{scope}:{client}:{bucket}"
    if cache.add(key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window + 1)
            count = 1
    if count <= limit:
        return None
    return max(1, math.ceil((bucket + 1) * window - now))
