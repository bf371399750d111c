"""POST /v1/audio/speech under load: JSON only, a character budget per client, the machine's bound on
syntheses (503 + Retry-After), and slots that come back when a stream closes."""
from __future__ import annotations

import json
import uuid

import pytest

from loa.readaloud.narration import synthesis_slots

from .helpers import close_response

pytestmark = pytest.mark.django_db
_opened: list = []


@pytest.fixture(autouse=True)
def close_streams():
    yield
    while _opened:
        close_response(_opened.pop())


def fresh_ip() -> str:
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"


def speak(client, text: str = "Xin chào cử tri.", ip: str | None = None, content_type: str = "application/json",
          body: bytes | None = None):
    data = body if body is not None else json.dumps({"input": text, "voice": "vi-south-male"})
    response = client.post("/v1/audio/speech", data=data, content_type=content_type, REMOTE_ADDR=ip or fresh_ip())
    _opened.append(response)
    return response


@pytest.mark.parametrize("content_type", ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/jsonx", ""])
def test_only_json_is_accepted(client, content_type):
    response = speak(client, content_type=content_type)
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]["message"]


def test_json_with_a_charset_is_json(client):
    response = speak(client, content_type="application/json; charset=utf-8")
    assert response.status_code == 200 and response["Content-Type"] == "audio/mpeg"


def test_each_client_has_a_character_budget(client, settings):
    settings.READALOUD_SPEECH_CHAR_BUDGET = 100
    text = "Kỳ họp thứ 25 khai mạc sáng nay tại hội trường tỉnh, có 50 đại biểu dự."  # 72 characters
    assert speak(client, text, ip="2001:db8:1:2::1").status_code == 200
    close_response(_opened.pop())
    over = speak(client, text, ip="2001:db8:1:2::9")  # the same /64: the same client
    assert over.status_code == 429
    assert over.json()["error"]["code"] == "character_budget_exceeded"
    assert 1 <= int(over["Retry-After"]) <= settings.READALOUD_SPEECH_CHAR_WINDOW
    assert "100 ký tự" in over.json()["error"]["message"]
    assert speak(client, text, ip="2001:db8:1:3::1").status_code == 200  # another client


def test_one_synthesis_per_slot_the_next_request_is_told_to_come_back(client, settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    first = speak(client, "Câu thứ nhất. Câu thứ hai. Câu thứ ba.")
    assert first.status_code == 200
    busy = speak(client)
    assert busy.status_code == 503
    assert busy["Retry-After"] == str(settings.READALOUD_SPEECH_BUSY_RETRY_AFTER)
    assert busy.json()["error"]["code"] == "server_busy"
    close_response(first)  # the stream ends (or the client goes away): the slot is free again
    assert speak(client).status_code == 200


def test_the_bound_counts_every_synthesis_on_the_machine(client, settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    narration = synthesis_slots.try_take()  # what a worker making an article's audio holds
    assert narration is not None
    assert speak(client).status_code == 503
    settings.READALOUD_SYNTHESES_PER_MACHINE = 2
    assert speak(client).status_code == 200
    close_response(_opened.pop())
    narration.release()
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    assert speak(client).status_code == 200


def test_a_busy_answer_costs_the_client_nothing_of_its_budget(client, settings):
    settings.READALOUD_SPEECH_CHAR_BUDGET = 100
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    ip, text = fresh_ip(), "Một câu có đúng năm mươi ký tự để thử ngân sách nhé."
    held = synthesis_slots.try_take()
    for _ in range(5):
        assert speak(client, text, ip=ip).status_code == 503
    held.release()
    assert speak(client, text, ip=ip).status_code == 200


def test_a_flood_on_a_busy_machine_asks_no_database(client, settings, django_assert_num_queries):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    held = synthesis_slots.try_take()
    with django_assert_num_queries(0):
        for _ in range(20):
            busy = client.post("/v1/audio/speech", data=b'{"input": "x"}', content_type="application/json")
            assert busy.status_code == 503
    held.release()


def test_refused_requests_give_their_slot_back(client, settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    assert speak(client, body=b"{not json").status_code == 400
    assert speak(client, "x" * 20_001).status_code == 413
    assert speak(client, body=json.dumps({"input": "Xin chào.", "voice": "alloy"}).encode()).status_code == 400
    assert not synthesis_slots.is_full()
    assert speak(client).status_code == 200


def test_a_stream_read_to_the_end_frees_its_slot(client, settings):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    response = speak(client, "Câu một. Câu hai.")
    audio = b"".join(response.streaming_content)
    assert audio[:2] in (b"\xff\xf3", b"\xff\xf2", b"\xff\xfb")
    assert not synthesis_slots.is_full()
    assert speak(client).status_code == 200
