"""POST /v1/audio/speech: OpenAI-shaped text to speech, streamed sentence by sentence."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt

from loa.core.ratelimit import client_over_limit
from loa.speech import MAX_SPEED, MIN_SPEED, SpeechOptions, SpeechVoice, VoiceUnavailableError

from .. import conf
from ..narration import synthesis_slots
from ..narration.keys import default_voice_id
from ..narration.lexicon import full_lexicon
from . import gate as speech_gate
from . import guard as speech_guard
from .errors import bad_request, voice_or_error

logger = logging.getLogger(__name__)
# OpenAI's response_format -> (our encoder format, MIME type)
SPEECH_FORMATS = {"mp3": ("mp3", "audio/mpeg"), "opus": ("ogg", "audio/ogg"), "wav": ("wav", "audio/wav")}


def _speech_limits() -> tuple[int, int, int]:
    return (
        int(conf.get("READALOUD_SPEECH_MAX_CHARS")),
        int(conf.get("READALOUD_SPEECH_RATE_LIMIT")),
        int(conf.get("READALOUD_SPEECH_RATE_WINDOW")),
    )


@csrf_exempt  # an API for other systems: it reads no cookie and no session
def speech(request: HttpRequest) -> HttpResponse:
    """OpenAI-shaped text to speech, streamed sentence by sentence.

    Cheapest refusals first: method, content type, size, a busy machine (no database), the client's
    request rate; then the body, and the client's character budget. The synthesis slot taken before
    the rest goes with the streamed answer and is given back when it ends.
    """
    if request.method != "POST":
        response = bad_request("Chỉ hỗ trợ phương thức POST.", status=405)
        response["Allow"] = "POST"
        return response
    if request.content_type != "application/json":
        # A web page can post text/plain or a form to another site without asking first; JSON it cannot.
        return bad_request("Nội dung yêu cầu phải có Content-Type: application/json.", status=415)
    max_chars, limit, window = _speech_limits()
    if _declared_length(request) > max_chars * 6 + 4096:  # 6 bytes per character at most ("\uXXXX" in JSON)
        return _too_long(max_chars)  # said before reading a body Django would refuse as too big
    slot = synthesis_slots.try_take()
    if slot is None:
        return _busy()
    try:
        response = _admitted(request, slot, max_chars, limit, window)
    except BaseException:
        slot.release()
        raise
    if not isinstance(response, StreamingHttpResponse):
        slot.release()
    return response


def _admitted(request: HttpRequest, slot: synthesis_slots.SynthesisSlot, max_chars: int, limit: int,
              window: int) -> HttpResponse:
    """The rest of `speech` once a synthesis slot is held; the slot goes with a streaming answer."""
    retry_after = client_over_limit(request, "speech", limit, window)
    if retry_after is not None:
        return _rate_limited(request, f"Quá nhiều yêu cầu; thử lại sau {retry_after} giây.", "rate_limit_exceeded", retry_after)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        return bad_request(f"Nội dung yêu cầu không phải JSON hợp lệ: {exc}")
    if not isinstance(data, dict):
        return bad_request("Nội dung yêu cầu phải là một đối tượng JSON.")
    text = data.get("input")
    if not isinstance(text, str) or not text.strip():
        return bad_request("Thiếu văn bản cần đọc: trường 'input' phải là chuỗi không rỗng.", "input")
    if len(text) > max_chars:
        return _too_long(max_chars)
    model = data.get("model", "")
    if not isinstance(model, str):
        return bad_request("Trường 'model' phải là chuỗi.", "model")
    voice_id = data.get("voice") or default_voice_id()
    if not isinstance(voice_id, str):
        return bad_request("Trường 'voice' phải là chuỗi.", "voice")
    voice, error = voice_or_error(voice_id)
    if error:
        return error
    response_format = data.get("response_format", "mp3")
    if not isinstance(response_format, str) or response_format not in SPEECH_FORMATS:
        return bad_request(
            f"response_format {response_format!r} không được hỗ trợ; chọn một trong: {', '.join(SPEECH_FORMATS)}.",
            "response_format",
        )
    speed = data.get("speed", 1.0)
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not MIN_SPEED <= speed <= MAX_SPEED:
        return bad_request(f"Trường 'speed' phải là số từ {MIN_SPEED} đến {MAX_SPEED}.", "speed")
    budget, budget_window = int(conf.get("READALOUD_SPEECH_CHAR_BUDGET")), int(conf.get("READALOUD_SPEECH_CHAR_WINDOW"))
    retry_after = client_over_limit(request, "speech-chars", budget, budget_window, cost=len(text))
    if retry_after is not None:
        return _rate_limited(
            request, f"Đã dùng hết {budget:,} ký tự cho phép trong {budget_window // 60} phút; thử lại sau {retry_after} giây."
            .replace(",", "."), "character_budget_exceeded", retry_after)
    fmt, mime_type = SPEECH_FORMATS[response_format]
    if voice.neural:
        neural_max = int(conf.get("READALOUD_SPEECH_NEURAL_MAX_CHARS"))
        if len(text) > neural_max:
            return _too_long(neural_max)
    try:
        options = SpeechOptions(speed=float(speed), format=fmt, lexicon=full_lexicon())
        speaker = SpeechVoice.load(voice)
    except VoiceUnavailableError as exc:
        return bad_request(str(exc), "voice", status=503, code="voice_unavailable")
    chunks = speech_guard.LowPriorityChunks(lambda: speaker.stream(text, options))
    response = StreamingHttpResponse(speech_guard.GuardedStream(_logged(chunks), slot), content_type=mime_type)
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # let a front proxy pass each sentence on at once
    response["Content-Disposition"] = f'inline; filename="speech.{ "ogg" if fmt == "ogg" else fmt}"'
    return response


def _rate_limited(request: HttpRequest, message: str, code: str, retry_after: int) -> JsonResponse:
    speech_gate.remember_refusal(request, retry_after)  # the next tries are refused before Django
    response = JsonResponse({"error": {"message": message, "type": "rate_limit_error", "param": None, "code": code}},
                            status=429, json_dumps_params={"ensure_ascii": False})
    response["Retry-After"] = str(retry_after)
    return response


def _busy() -> JsonResponse:
    retry_after = int(conf.get("READALOUD_SPEECH_BUSY_RETRY_AFTER"))
    response = JsonResponse(
        {"error": {"message": f"Máy chủ đang bận đọc các văn bản khác; thử lại sau {retry_after} giây.",
                   "type": "server_busy", "param": None, "code": "server_busy"}},
        status=503, json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _too_long(max_chars: int) -> JsonResponse:
    return bad_request(
        f"Văn bản quá dài: tối đa {max_chars:,} ký tự mỗi yêu cầu.".replace(",", "."), "input", status=413,
        max_chars=max_chars,
    )


def _logged(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Pass the audio on; a failure mid-stream can only end the stream, so it is logged."""
    try:
        yield from chunks
    except Exception:
        logger.exception("read-aloud: speech stream failed")
        raise
