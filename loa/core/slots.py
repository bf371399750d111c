"""Bounded concurrency shared by every process: N slots per scope in the database, held under leases.

    lease = acquire("speech", capacity=2, lease_seconds=30)
    if lease is None: ...busy...
    try: ... renew(lease) now and then ...
    finally: release(lease)

Taking a slot is one conditional UPDATE per slot tried ("free or expired -> mine"),
which is atomic on SQLite and PostgreSQL alike; a process that dies holding a slot
stops renewing it and the slot is free again when its lease runs out.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field

from django.db.models import Q

from .models import ConcurrencySlot


@dataclass
class Lease:
    scope: str
    number: int
    holder: str
    seconds: float
    expires_at: float
    released: bool = field(default=False)


def _create_missing_slots(scope: str, capacity: int) -> bool:
    """Make sure slots 0..capacity-1 of `scope` exist; True if some had to be created."""
    existing = set(ConcurrencySlot.objects.filter(scope=scope, number__lt=capacity).values_list("number", flat=True))
    missing = [ConcurrencySlot(scope=scope, number=n) for n in range(capacity) if n not in existing]
    if missing:
        ConcurrencySlot.objects.bulk_create(missing, ignore_conflicts=True)
    return bool(missing)


def _take(scope: str, capacity: int, lease_seconds: float, now: float) -> Lease | None:
    holder = secrets.token_hex(16)
    expires = now + lease_seconds
    for number in range(capacity):
        free = Q(expires_at__lt=now) | Q(holder="")
        if ConcurrencySlot.objects.filter(free, scope=scope, number=number).update(holder=holder, expires_at=expires):
            return Lease(scope, number, holder, lease_seconds, expires)
    return None


def acquire(scope: str, capacity: int, lease_seconds: float, now: float | None = None) -> Lease | None:
    """A free slot of `scope` (one of `capacity`), or None when all are held."""
    if capacity <= 0:
        return None
    now = time.time() if now is None else now
    lease = _take(scope, capacity, lease_seconds, now)
    if lease is None and _create_missing_slots(scope, capacity):  # the first use of the scope (or of a larger capacity)
        lease = _take(scope, capacity, lease_seconds, now)
    return lease


def renew(lease: Lease, now: float | None = None) -> bool:
    """Extend the lease; False if the slot was lost (the lease ran out and someone else took it)."""
    if lease.released:
        return False
    now = time.time() if now is None else now
    expires = now + lease.seconds
    kept = ConcurrencySlot.objects.filter(scope=lease.scope, number=lease.number, holder=lease.holder).update(
        expires_at=expires)
    if kept:
        lease.expires_at = expires
    return bool(kept)


def release(lease: Lease) -> None:
    if lease.released:
        return
    lease.released = True
    ConcurrencySlot.objects.filter(scope=lease.scope, number=lease.number, holder=lease.holder).update(
        holder="", expires_at=0.0)


def holders(scope: str, now: float | None = None) -> int:
    """How many slots of `scope` are held right now."""
    now = time.time() if now is None else now
    return ConcurrencySlot.objects.filter(scope=scope, expires_at__gte=now).exclude(holder="").count()
