"""What django-axes needs from Loa to throttle admin logins (settings: "login throttling" in settings.py).

Failures are counted per user name + client in the "limits" cache (shared by every
process, Redis or a database table) by axes' cache handler; nothing is written to
axes' own tables. The client is the same salted hash of the IPv4 address or IPv6 /64
that the request limiters use, so no address is stored, logged or put in a key.
"""
from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from .clientip import client_key


def client_for_axes(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: an opaque key for the client in place of its address."""
    return client_key(request, "login")


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: 429 with a Vietnamese page, for existing and unknown user names alike."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = HttpResponse(render_to_string("core/login_locked.html", context, request=request), status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response
