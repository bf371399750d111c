"""HEAD through the real WSGI handler (what gunicorn calls): GET's status and headers, no body bytes.

Django's test client drops HEAD bodies itself, so this calls the WSGI application directly.
"""
from __future__ import annotations

from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

pytestmark = pytest.mark.django_db


def call(method: str, path: str) -> tuple[str, dict[str, str], bytes]:
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": BytesIO(b""), "SERVER_NAME": "localhost"}
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    # As Django's test client does: the test's connection (inside its transaction) must survive the request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        result = WSGIHandler()(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return started["status"], started["headers"], body


@pytest.mark.parametrize("path", ["/", "/khong-co-trang-nay/", "/robots.txt", "/static/pages/css/site.css"])
def test_head_answers_like_get_without_a_body(path):
    get_status, get_headers, get_body = call("GET", path)
    head_status, head_headers, head_body = call("HEAD", path)
    assert head_status == get_status
    assert head_body == b""
    assert get_body
    if "Content-Length" in get_headers:
        assert head_headers.get("Content-Length") == get_headers["Content-Length"]
