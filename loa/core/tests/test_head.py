"""HEAD through the real WSGI handler (what gunicorn calls): GET's status and headers, no body bytes.

Django's test client drops HEAD bodies itself, so this calls the WSGI application directly.
"""
from __future__ import annotations

import pytest
from django.core.handlers.wsgi import WSGIHandler

from loa.core.tests.wsgi import call_wsgi

pytestmark = pytest.mark.django_db


def call(method: str, path: str) -> tuple[str, dict[str, str], bytes]:
    return call_wsgi(WSGIHandler(), method, path)


@pytest.mark.parametrize("path", ["/", "/khong-co-trang-nay/", "/robots.txt", "/static/pages/css/site.css"])
def test_head_answers_like_get_without_a_body(path):
    get_status, get_headers, get_body = call("GET", path)
    head_status, head_headers, head_body = call("HEAD", path)
    assert head_status == get_status
    assert head_body == b""
    assert get_body
    if "Content-Length" in get_headers:
        assert head_headers.get("Content-Length") == get_headers["Content-Length"]
