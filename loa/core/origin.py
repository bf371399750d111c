"""Is a cookie-less POST (a beacon) from one of our own pages? Browsers send Origin with every POST."""
from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def origin_host(value: str) -> str:
    try:
        return urlsplit(value).netloc.lower()
    except ValueError:
        return ""


def same_origin(request: HttpRequest, host: str | None = None) -> bool:
    """True when the request's Origin is this host (or one of CSRF_TRUSTED_ORIGINS); a missing Origin is not."""
    origin = request.META.get("HTTP_ORIGIN", "")
    if not origin:
        return False
    if origin_host(origin) == (host or request.get_host()).lower():
        return True
    return origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])
