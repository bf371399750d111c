"""`POST /v1/audio/speech` refused before Django builds a request, when the answer is known already.

A flood of speech requests is answered by refusals; each one costs what the refusal costs. The
gate (applied in loa.site.wsgi) answers without reading the body, running middleware or touching
the database when the machine has no free synthesis slot (narration/synthesis_slots.py),
or when this client was refused less than its Retry-After ago. Everything else goes to the view,
which decides as before (and tells the gate about the clients it refuses).
"""
from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Iterable

from loa.core.clientip import client_key

from .. import conf
from ..narration import synthesis_slots

PATH = "/v1/audio/speech"
PURPOSE = "speech-gate"
MAX_REMEMBERED = 10_000  # clients refused recently, per process (a flood of addresses cannot grow it further)
_refused_until: dict[str, float] = {}
_lock = threading.Lock()


class _Environ:
    """What client_key reads of a request."""

    def __init__(self, environ: dict) -> None:
        self.META = environ


def remember_refusal(request, retry_after: int) -> None:
    """The view refused this client for `retry_after` seconds: the gate refuses it until then."""
    key = client_key(request, PURPOSE)
    now = time.monotonic()
    with _lock:
        if len(_refused_until) >= MAX_REMEMBERED:
            for stale in [k for k, until in _refused_until.items() if until <= now]:
                del _refused_until[stale]
            if len(_refused_until) >= MAX_REMEMBERED:
                _refused_until.clear()
        _refused_until[key] = now + retry_after


def forget_refusals() -> None:
    with _lock:
        _refused_until.clear()


def refusal(environ: dict) -> tuple[int, int] | None:
    """(status, retry_after) when the request is refused at the gate, else None."""
    if synthesis_slots.is_full():
        return 503, int(conf.get("READALOUD_SPEECH_BUSY_RETRY_AFTER"))
    until = _refused_until.get(client_key(_Environ(environ), PURPOSE))
    if until is not None:
        left = until - time.monotonic()
        if left > 0:
            return 429, max(1, math.ceil(left))
    return None


STATUS_LINES = {429: "429 Too Many Requests", 503: "503 Service Unavailable"}
CODES = {429: ("rate_limit_error", "rate_limit_exceeded", "Quá nhiều yêu cầu"),
         503: ("server_busy", "server_busy", "Máy chủ đang bận")}


def refusal_body(status: int, retry_after: int) -> bytes:
    kind, code, words = CODES[status]
    return json.dumps({"error": {"message": f"{words}; thử lại sau {retry_after} giây.", "type": kind,
                                 "param": None, "code": code}}, ensure_ascii=False).encode()


def with_speech_gate(app: Callable) -> Callable:
    """Wrap the WSGI application: speech requests the gate refuses never reach Django."""

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != PATH or environ.get("REQUEST_METHOD") != "POST":
            return app(environ, start_response)
        refused = refusal(environ)
        if refused is None:
            return app(environ, start_response)
        status, retry_after = refused
        body = refusal_body(status, retry_after)
        start_response(STATUS_LINES[status], [
            ("Content-Type", "application/json"), ("Content-Length", str(len(body))),
            ("Retry-After", str(retry_after)), ("Cache-Control", "no-store"),
        ])
        return [body]

    return application
