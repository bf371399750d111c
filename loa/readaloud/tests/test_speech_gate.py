"""The speech gate (loa.site.wsgi): refusals that are known already are answered through the WSGI
application without reading the body, running Django's request handling or touching the database."""
from __future__ import annotations

import json
from io import BytesIO

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.core.tests.wsgi import call_wsgi
from loa.readaloud.narration import synthesis_slots
from loa.readaloud.speech_api import gate as speech_gate

from .helpers import close_response

pytestmark = pytest.mark.django_db
BODY = json.dumps({"input": "Xin chào cử tri. " * 1000, "voice": "vi-south-male"}).encode()


class CountingInput(BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


@pytest.fixture(autouse=True)
def fresh_gate():
    speech_gate.forget_refusals()
    yield
    speech_gate.forget_refusals()


def post_through_the_gate(address: str) -> tuple[str, dict, bytes, CountingInput]:
    body = CountingInput(BODY)
    status, headers, content = call_wsgi(speech_gate.with_speech_gate(WSGIHandler()), "POST", speech_gate.PATH, body,
                                         CONTENT_TYPE="application/json", CONTENT_LENGTH=str(len(BODY)),
                                         REMOTE_ADDR=address)
    return status, headers, content, body


def test_a_busy_machine_refuses_without_reading_the_body_or_asking_the_database(settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    held = synthesis_slots.try_take()
    assert held is not None
    try:
        with CaptureQueriesContext(connection) as queries:
            status, headers, content, body = post_through_the_gate("192.0.2.10")
        assert status.startswith("503")
        assert headers["Retry-After"] == str(settings.READALOUD_SPEECH_BUSY_RETRY_AFTER)
        assert json.loads(content)["error"]["code"] == "server_busy" and len(content) < 200
        assert body.bytes_read == 0 and len(queries) == 0
    finally:
        held.release()


def test_a_client_refused_by_the_view_is_refused_at_the_gate_until_its_retry_after(client, settings):
    settings.READALOUD_SPEECH_RATE_LIMIT = 1
    allowed = client.post(speech_gate.PATH, data={"input": "Xin chào.", "voice": "vi-south-male"},
                          content_type="application/json", REMOTE_ADDR="192.0.2.20")
    assert allowed.status_code == 200
    close_response(allowed)
    refused = client.post(speech_gate.PATH, data={"input": "Xin chào.", "voice": "vi-south-male"},
                          content_type="application/json", REMOTE_ADDR="192.0.2.20")
    assert refused.status_code == 429
    with CaptureQueriesContext(connection) as queries:
        status, headers, content, body = post_through_the_gate("192.0.2.20")
    assert status.startswith("429") and 1 <= int(headers["Retry-After"]) <= int(refused["Retry-After"])
    assert json.loads(content)["error"]["code"] == "rate_limit_exceeded"
    assert body.bytes_read == 0 and len(queries) == 0
    # Another client is not refused by the gate: its request reaches the view.
    _status, _headers, _content, body = post_through_the_gate("192.0.2.21")
    assert body.bytes_read > 0
