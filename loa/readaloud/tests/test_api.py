"""The HTTP API: voices, audio files (Range, 416, ETag 304), the OpenAI-shaped speech endpoint."""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest
from django.test import Client

from loa.readaloud.models import Narration

from .helpers import close_response, run_tasks

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2] / "pages" / "demo" / "seed-article.txt"


def fresh_ip() -> str:
    """Every test gets its own client address, so rate-limit windows never leak between tests."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"


def test_voices_lists_the_six_voices_with_the_default(client):
    voices = client.get("/api/readaloud/voices").json()
    assert [v["id"] for v in voices] == [
        "vi-north-female", "vi-north-male", "vi-central-female", "vi-central-male", "vi-south-female", "vi-south-male",
    ]
    assert {tuple(sorted(v)) for v in voices} == {
        ("available", "default", "engine", "gender", "id", "name", "neural", "offered", "region", "restricted")}
    assert all(v["available"] and v["offered"] and not v["neural"] for v in voices)
    assert [v["name"] for v in voices if v["default"]] == ["Giọng nam miền Nam"]


# -- audio files ----------------------------------------------------------------------------------

@pytest.fixture
def audio(article, client) -> tuple[str, bytes]:
    run_tasks()
    narration = Narration.objects.get(page_id=article.pk)
    from loa.readaloud.narration.audio_store import audio_path, audio_url

    return audio_url(narration.audio_name), audio_path(narration.audio_name).read_bytes()


def test_whole_file_with_caching_headers(client, audio):
    url, data = audio
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == data
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(data))
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    assert response["ETag"].strip('"') in url
    assert response["Last-Modified"].endswith("GMT")


@pytest.mark.parametrize("header,first,last", [
    ("bytes=0-99", 0, 99),            # first bytes
    ("bytes=1000-1999", 1000, 1999),  # middle
    ("bytes=-500", None, None),       # last 500 bytes
    ("bytes=5-5", 5, 5),              # one byte
    ("bytes=2000-", 2000, None),      # to the end
])
def test_range_requests_answer_206_with_exact_bytes(client, audio, header, first, last):
    url, data = audio
    size = len(data)
    if first is None:
        first, last = size - 500, size - 1
    if last is None:
        last = size - 1
    response = client.get(url, HTTP_RANGE=header)
    assert response.status_code == 206
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == data[first:last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{size}"
    assert response["Content-Length"] == str(last - first + 1)


def test_range_past_the_end_is_clamped(client, audio):
    url, data = audio
    response = client.get(url, HTTP_RANGE=f"bytes={len(data) - 10}-{len(data) + 1000}")
    assert response.status_code == 206 and response.content == data[-10:]


@pytest.mark.parametrize("header", ["bytes=999999999-", "bytes=-0"])
def test_unsatisfiable_range_is_416(client, audio, header):
    url, data = audio
    response = client.get(url, HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(data)}"


def test_unparseable_or_multiple_ranges_get_the_whole_file(client, audio):
    url, data = audio
    for header in ("bytes=0-1,5-9", "items=0-3", "bytes=9-2"):
        response = client.get(url, HTTP_RANGE=header)
        assert response.status_code == 200 and response["Content-Length"] == str(len(data))


def test_absurdly_long_range_numbers_are_no_server_error(client, audio):
    url, data = audio
    for header in ("bytes=" + "9" * 5000 + "-", "bytes=0-" + "9" * 5000, "bytes=-" + "9" * 5000):
        assert client.get(url, HTTP_RANGE=header).status_code in (200, 416), header[:12]


def test_etag_and_last_modified_revalidate_to_304(client, audio):
    url, _ = audio
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_if_range_with_an_old_etag_gets_the_whole_file(client, audio):
    url, data = audio
    etag = client.head(url)["ETag"]
    assert client.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag).status_code == 206
    assert client.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"stale"').status_code == 200


def test_head_and_unknown_files(client, audio):
    url, data = audio
    head = client.head(url)
    assert head.status_code == 200 and head["Content-Length"] == str(len(data)) and head.content == b""
    assert client.get("/readaloud/audio/" + "0" * 32 + ".mp3").status_code == 404
    assert client.get("/readaloud/audio/../../secret_key").status_code == 404
    assert client.get("/readaloud/audio/%2e%2e%2fsecret_key").status_code == 404
    assert client.post(url).status_code == 405


@pytest.mark.parametrize("page_id", ["0", "99999999", "9223372036854775808", "9" * 40])
def test_page_api_unknown_or_absurd_page_ids_are_404(client, db, page_id):
    assert client.get(f"/api/readaloud/pages/{page_id}").status_code == 404


def test_page_api_revalidates_with_etag(client, article):
    run_tasks()
    url = f"/api/readaloud/pages/{article.pk}"
    first = client.get(url)
    assert first["Cache-Control"] == "no-cache"
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# -- POST /v1/audio/speech ------------------------------------------------------------------------

_opened: list = []


@pytest.fixture(autouse=True)
def close_streams():
    """Close every speech stream a test left open, as the WSGI server does when a client goes: a stream holds
    its synthesis slot until then."""
    yield
    while _opened:
        close_response(_opened.pop())


def speak(client, payload, ip: str | None = None, raw: bytes | None = None, content_type: str = "application/json"):
    body = raw if raw is not None else json.dumps(payload)
    response = client.post("/v1/audio/speech", data=body, content_type=content_type, REMOTE_ADDR=ip or fresh_ip())
    _opened.append(response)
    return response


def spoken(client, payload, ip: str | None = None) -> int:
    """The status of a speech request whose stream is then closed (its slot is free again)."""
    response = speak(client, payload, ip)
    close_response(response)
    return response.status_code


def test_speech_streams_the_seed_article_sentence_by_sentence(client):
    text = SEED.read_text(encoding="utf-8")
    started = time.perf_counter()
    response = speak(client, {"model": "tts-1", "input": text, "voice": "vi-south-male"})
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "audio/mpeg"
    chunks = iter(response.streaming_content)
    first = next(chunks)
    first_at = time.perf_counter() - started
    rest = list(chunks)
    total = time.perf_counter() - started
    assert first[:2] in (b"\xff\xf3", b"\xff\xf2", b"\xff\xfb")
    assert len(rest) > 20  # one piece per sentence, not one blob at the end
    assert first_at < total / 4, (first_at, total)


@pytest.mark.parametrize("fmt,magic,mime", [("opus", b"OggS", "audio/ogg"), ("wav", b"RIFF", "audio/wav")])
def test_speech_formats(client, fmt, magic, mime):
    response = speak(client, {"input": "Xin chào cử tri.", "voice": "vi-north-female", "response_format": fmt})
    assert response.status_code == 200 and response["Content-Type"] == mime
    assert b"".join(response.streaming_content).startswith(magic)


def test_speech_errors_say_what_is_wrong(client):
    unknown = speak(client, {"input": "Xin chào.", "voice": "alloy"})
    assert unknown.status_code == 400
    error = unknown.json()["error"]
    assert error["param"] == "voice" and "alloy" in error["message"] and "vi-south-male" in error["message"]
    assert "vi-north-female" in error["valid_voices"]

    bad_json = speak(client, None, raw=b'{"input": "Xin ch')
    assert bad_json.status_code == 400 and "JSON" in bad_json.json()["error"]["message"]
    assert speak(client, None, raw=b'["input"]').status_code == 400
    assert speak(client, {"voice": "vi-south-male"}).json()["error"]["param"] == "input"
    assert speak(client, {"input": "   "}).status_code == 400
    assert speak(client, {"input": "Xin chào.", "response_format": "flac"}).json()["error"]["param"] == "response_format"
    assert speak(client, {"input": "Xin chào.", "speed": 4}).json()["error"]["param"] == "speed"
    assert speak(client, {"input": "Xin chào.", "speed": "nhanh"}).status_code == 400
    assert client.get("/v1/audio/speech").status_code == 405


def test_speech_hostile_json_is_a_400_not_a_500(client):
    assert speak(client, None, raw=b"[" * 5000 + b"]" * 5000).status_code == 400
    for field, value in (("voice", ["vi-south-male"]), ("voice", {"a": 1}), ("response_format", ["mp3"]), ("speed", 1e999)):
        response = speak(client, {"input": "Xin chào.", field: value})
        assert response.status_code == 400, (field, value)
        assert response.json()["error"]["param"] == field


def test_speech_input_limit_is_413(client, settings):
    too_long = "Xin chào. " * 2001  # 20,010 characters
    response = speak(client, {"input": too_long, "voice": "vi-south-male"})
    assert response.status_code == 413
    assert response.json()["error"]["max_chars"] == 20_000
    assert spoken(client, {"input": too_long[:20_000]}) == 200
    huge = speak(client, {"input": "x" * 3_000_000})  # more than Django reads into memory at all
    assert huge.status_code == 413 and huge.json()["error"]["param"] == "input"


def test_speech_is_rate_limited_per_client_ip(client, settings):
    settings.READALOUD_SPEECH_RATE_LIMIT = 2
    ip = fresh_ip()
    assert spoken(client, {"input": "Một."}, ip) == 200
    assert spoken(client, {"input": "Hai."}, ip) == 200
    limited = speak(client, {"input": "Ba."}, ip)
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= settings.READALOUD_SPEECH_RATE_WINDOW
    assert limited.json()["error"]["code"] == "rate_limit_exceeded"
    assert spoken(client, {"input": "Bốn."}) == 200  # another address is not affected


def test_speech_needs_no_csrf_token_and_ignores_cookies():
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = "whatever"
    response = client.post("/v1/audio/speech", data=json.dumps({"input": "Xin chào."}),
                           content_type="application/json", REMOTE_ADDR=fresh_ip())
    _opened.append(response)
    assert response.status_code == 200
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies
