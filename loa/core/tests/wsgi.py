"""Calling a WSGI application in a test as a server would (Django's test client strips HEAD bodies and
skips the gates in front of Django), keeping the test's database connection and transaction alive."""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from io import BytesIO
from wsgiref.util import setup_testing_defaults

from django.core import signals
from django.db import close_old_connections


@contextmanager
def kept_test_connection():
    """As Django's test client does: no closing of "old" connections around the request, which would
    close the test's connection (inside its transaction) on PostgreSQL."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def call_wsgi(app: Callable, method: str, path: str, body: BytesIO | None = None,
              **environ: str) -> tuple[str, dict[str, str], bytes]:
    """(status line, headers, body bytes) of one request through `app`."""
    env = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": body or BytesIO(b""),
           "SERVER_NAME": "localhost", **environ}
    setup_testing_defaults(env)
    started: dict = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    with kept_test_connection():
        result = app(env, start_response)
        try:
            content = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
    return started["status"], started["headers"], content
