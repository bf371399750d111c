"""A cap on new visitors per client address per minute, shared by every process.

A visitor is a hash of address + User-Agent: rotating the User-Agent from one address
invents visitors. Each process remembers the visitors it has already admitted; a visitor
it has not seen is looked up in the shared "limits" cache (Redis or a database table), and
a visitor no process has seen in the last hour counts against its address's allowance of
STATS_MAX_NEW_VISITORS_PER_MINUTE (high enough for a carrier-grade NAT). Keys hold hashes only.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from django.core.cache import caches
from django.http import HttpRequest

from loa.core.ratelimit import ALIAS, client_over_limit

from . import conf

SEEN_SECONDS = 3600
REMEMBERED = 50_000
_admitted: OrderedDict[str, None] = OrderedDict()
_lock = threading.Lock()


def _remember(visitor_hash: str) -> None:
    with _lock:
        _admitted[visitor_hash] = None
        _admitted.move_to_end(visitor_hash)
        while len(_admitted) > REMEMBERED:
            _admitted.popitem(last=False)


def forget_admitted() -> None:
    with _lock:
        _admitted.clear()


def admit(request: HttpRequest, visitor_hash: str) -> bool:
    """False when `visitor_hash` is new and its address already brought its allowance of new visitors this minute."""
    if visitor_hash in _admitted:
        return True
    cache = caches[ALIAS]
    seen_key = f"loa:stats:seen:{visitor_hash}"
    if cache.add(seen_key, 1, timeout=SEEN_SECONDS):
        limit = int(conf.get("STATS_MAX_NEW_VISITORS_PER_MINUTE"))
        if client_over_limit(request, "stats-new-visitors", limit, 60) is not None:
            cache.delete(seen_key)  # refused visitors stay new: sending each invented one twice gains nothing
            return False
    _remember(visitor_hash)
    return True
