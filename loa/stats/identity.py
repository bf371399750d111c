"""Who a request comes from, without keeping who it is: client address and daily-salted visitor hashes."""
from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from loa.core.clientip import client_ip

from .models import Salt

__all__ = ["Visitor", "client_ip", "forget_salts", "identify", "salt_for"]

_salts: dict[date, bytes] = {}
_salts_lock = threading.Lock()


@dataclass(frozen=True)
class Visitor:
    hash: str  # with today's salt
    previous: str  # the same person with yesterday's salt ("" if that salt is gone), to continue a visit past midnight
    day: date


def salt_for(day: date, create: bool) -> bytes | None:
    """The salt of `day`, created (once, whichever process is first) when asked to."""
    key = _salts.get(day)
    if key is not None and (key or not create):
        return key or None  # b"" caches "no salt" for a past day
    with _salts_lock:
        row = Salt.objects.filter(day=day).first()
        if row is None and create:
            try:
                with transaction.atomic():
                    row = Salt.objects.create(day=day, key=secrets.token_bytes(32))
            except IntegrityError:
                row = Salt.objects.get(day=day)
        key = bytes(row.key) if row is not None else b""
        for old in [d for d in _salts if d < day - timedelta(days=1)]:
            del _salts[old]
        _salts[day] = key
        return key or None


def forget_salts() -> None:
    """Drop the process cache (after the salts were rotated or the database reset)."""
    with _salts_lock:
        _salts.clear()


def visitor_hash(key: bytes, ip: str, user_agent: str, site: str) -> str:
    material = "\n".join((ip, user_agent, site)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(material, key=key, digest_size=16).hexdigest()


def identify(request: HttpRequest, day: date, host: str | None = None) -> Visitor:
    ip = client_ip(request)
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:512]
    site = (host or request.get_host()).lower()
    current = visitor_hash(salt_for(day, create=True), ip, user_agent, site)
    yesterday = salt_for(day - timedelta(days=1), create=False)
    previous = visitor_hash(yesterday, ip, user_agent, site) if yesterday else ""
    return Visitor(current, previous, day)
