"""The client's address, believing X-Forwarded-For only from the configured proxies."""
from __future__ import annotations

import hashlib
import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest


@lru_cache(maxsize=64)
def _networks(spec: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the right-most X-Forwarded-For entry not added by a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _trusted(remote, networks):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not _trusted(address, networks):
            return address
    return forwarded[0] if forwarded else remote


def client_bucket(address: str) -> str:
    """The unit a limit counts: one IPv4 address, or one IPv6 /64 (what one subscriber gets)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key(request: HttpRequest, purpose: str) -> str:
    """A hashed, salted key for the client's bucket: limiter keys never hold an address."""
    bucket = client_bucket(client_ip(request))
    return hashlib.blake2b(f"{purpose}\x1f{bucket}".encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=16).hexdigest()
