"""The optional WSGI fast path answers like the Django views, on both backends."""
from __future__ import annotations

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler

from loa.stats.models import DailyTotal
from loa.stats.wsgi import with_stats_fast_path

from .helpers import GOOGLEBOT, user_agent

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_pages")]


def call(app, path: str, body: bytes, host: str = "testserver", origin: str | None = "http://testserver",
         ua: str = user_agent(1), method: str = "POST") -> str:
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "SERVER_NAME": "testserver", "SERVER_PORT": "80",
        "HTTP_HOST": host, "HTTP_USER_AGENT": ua, "REMOTE_ADDR": "127.0.0.1", "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "text/plain", "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http",
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.errors": io.StringIO(),
    }
    if origin:
        environ["HTTP_ORIGIN"] = origin
    statuses: list[str] = []
    result = app(environ, lambda status, headers: statuses.append(status))
    b"".join(result)
    getattr(result, "close", lambda: None)()
    return statuses[0]


def test_fast_path_counts_refuses_and_passes_the_rest_on(backend, flush, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    app = with_stats_fast_path(WSGIHandler())
    assert call(app, "/api/stats/hit", b'{"path": "/a/"}') == "204 No Content"
    assert call(app, "/api/stats/hit", b'{"path": "/a/"}', ua=user_agent(2)) == "204 No Content"
    assert call(app, "/api/stats/hit", b'{"path": "/a/"}', ua=GOOGLEBOT) == "204 No Content"
    assert call(app, "/api/stats/hit", b'{"path": 1}') == "400 Bad Request"
    assert call(app, "/api/stats/hit", b'{"path": "/a/"}', origin=None) == "403 Forbidden"
    assert call(app, "/api/stats/hit", b'{"path": "/a/"}', host="evil.example", origin="http://evil.example") == "400 Bad Request"
    assert call(app, "/api/stats/listen", b'{"page_id": 3, "event": "ended", "position": 60, "duration": 60}') == "204 No Content"
    assert call(app, "/api/stats/summary", b"", method="GET").startswith("200")  # not ours: Django answers
    flush()
    total = DailyTotal.objects.get()
    assert (total.views, total.visits, total.listens) == (2, 2, 1)
