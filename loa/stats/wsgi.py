"""A WSGI wrapper (loa.site.wsgi applies it): answer POST /api/stats/hit and /api/stats/listen before Django's request handling.

    application = with_stats_fast_path(get_wsgi_application())

Skips building a full HttpRequest, the request signals and the middleware
chain; the same view code runs on a minimal request object. Everything else
goes to Django untouched.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port, validate_host

MAX_BODY = 8192
STATUS_LINES = {204: "204 No Content", 400: "400 Bad Request", 403: "403 Forbidden", 405: "405 Method Not Allowed",
                429: "429 Too Many Requests"}


class BeaconRequest:
    """The part of HttpRequest the collection views use."""

    method = "POST"

    def __init__(self, environ: dict) -> None:
        self.META = environ
        self._host: str | None = None
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        self.body = environ["wsgi.input"].read(length) if 0 < length <= MAX_BODY else b""

    def get_host(self) -> str:
        if self._host is None:
            host = self.META.get("HTTP_HOST") or self.META.get("SERVER_NAME", "")
            domain, _port = split_domain_port(host)
            allowed = settings.ALLOWED_HOSTS or (["localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else [])
            if not domain or not validate_host(domain, allowed):
                raise DisallowedHost(host)
            self._host = host
        return self._host


def with_stats_fast_path(app: Callable) -> Callable:
    """Wrap Django's WSGI application (create it first: the views need the app registry)."""
    from . import views

    routes = {"/api/stats/hit": views.hit_logic, "/api/stats/listen": views.listen_logic}

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        logic = routes.get(environ.get("PATH_INFO", ""))
        if logic is None or environ.get("REQUEST_METHOD") != "POST":
            return app(environ, start_response)
        try:
            status = logic(BeaconRequest(environ))
        except DisallowedHost:
            status = 400
        start_response(STATUS_LINES[status], [("Content-Length", "0"), ("Cache-Control", "no-store")])
        return [b""]

    return application

