"""The read-aloud HTTP API: voices, an article's audio state, the audio files, the OpenAI-shaped speech endpoint."""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from loa.core.ratelimit import client_over_limit
from loa.speech import MAX_SPEED, MIN_SPEED, SpeechOptions, SpeechVoice, UnknownVoiceError, VoiceUnavailableError

from . import conf, speech_guard
from . import voices as registry
from .audio_serving import serve_audio
from .audio_store import audio_url
from .keys import default_voice_id
from .lexicon import full_lexicon
from .models import Narration, NarrationState
from .progress import read_progress
from .readable import live_readable_page
from .streaming import stream_url
from .tasks import request_narration
from .voices import voice_for

logger = logging.getLogger(__name__)

PUBLIC_STATUS = {
    NarrationState.PENDING: "pending",
    NarrationState.RUNNING: "pending",
    NarrationState.RETRYING: "pending",
    NarrationState.READY: "ready",
    NarrationState.FAILED: "failed",
}
# OpenAI's response_format -> (our encoder format, MIME type)
SPEECH_FORMATS = {"mp3": ("mp3", "audio/mpeg"), "opus": ("ogg", "audio/ogg"), "wav": ("wav", "audio/wav")}


def voice_json(voice, default: str | None = None, offered: set[str] | None = None) -> dict:
    default = default_voice_id() if default is None else default
    return {
        "id": voice.id, "name": voice.name, "region": voice.region, "gender": voice.gender,
        "engine": voice.engine, "default": voice.id == default, "neural": voice.neural,
        "available": voice.available, "offered": voice.id in offered if offered is not None else voice.available,
    }


@require_GET
def voices(request: HttpRequest) -> JsonResponse:
    default = default_voice_id()
    offered = {voice.id for voice in registry.player_voices()}
    listed = [voice_json(voice, default, offered) for voice in registry.all_voices()]
    response = JsonResponse(listed, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=60"
    return response


def _live_article(page_id: int):
    page = live_readable_page(page_id)
    if page is None:
        raise Http404("Không có tin bài này.")
    return page


def narration_json(narration: Narration) -> dict:
    status = PUBLIC_STATUS[NarrationState(narration.state)]
    if status == "ready" and not narration.is_ready:
        status = "pending"
    ready = status == "ready"
    data = {
        "page_id": narration.page_id,
        "voice": narration.voice,
        "status": status,
        "duration": narration.duration if ready else None,
        "audio_url": audio_url(narration.audio_name) if ready else None,
        "audio_size": narration.audio_size if ready else None,
        "sentences": narration.sentences if ready else [],
    }
    if not ready:
        if status == "pending":
            data["retry_after"] = 1  # seconds: when to ask again
            _add_progress(data, narration)
        if narration.error:
            data["error"] = "Chưa tạo được âm thanh; hệ thống sẽ thử lại." if status == "pending" else "Không tạo được âm thanh."
    return data


def _add_progress(data: dict, narration: Narration) -> None:
    """A narration being made: how far it got, the sentences so far and the growing stream."""
    progress = read_progress(narration.key) if narration.state == NarrationState.RUNNING else None
    if progress is None or progress.finished:
        data["progress"] = {"done": 0, "total": narration.sentence_count or None}
        if narration.state == NarrationState.RUNNING:
            data["retry_after"] = 0.5  # the first sentence is moments away
        return
    data["progress"] = {"done": progress.done, "total": progress.total}
    data["sentences"] = progress.sentences
    data["retry_after"] = 1
    if progress.done:
        data["stream_url"] = stream_url(narration.key)


def _bad_request(message: str, param: str | None = None, status: int = 400, **extra) -> JsonResponse:
    """An error in the shape OpenAI's API uses, so its client libraries show the message."""
    error = {"message": message, "type": "invalid_request_error", "param": param, "code": None, **extra}
    return JsonResponse({"error": error}, status=status, json_dumps_params={"ensure_ascii": False})


def _voice_or_error(voice_id: str, param: str = "voice"):
    try:
        voice = registry.voice(voice_id)
    except UnknownVoiceError as exc:
        return None, _bad_request(str(exc), param, valid_voices=[voice.id for voice in registry.all_voices()])
    reason = voice.error or registry.problem(voice)
    if reason:
        message = f"Giọng đọc “{voice.name}” ({voice.id}) hiện không dùng được: {reason}. Hãy chọn giọng khác."
        return None, _bad_request(message, param, status=503, code="voice_unavailable",
                                  valid_voices=[v.id for v in registry.player_voices()])
    return voice, None


@require_GET
def page_audio(request: HttpRequest, page_id: int) -> HttpResponse:
    """The state of an article's audio in one voice; asking for a voice not made yet starts it."""
    page = _live_article(page_id)
    voice, error = _voice_or_error(request.GET.get("voice") or voice_for(page))
    if error:
        return error
    narration = request_narration(page, voice.id)
    data = narration_json(narration)
    etag = f'"{narration.key[:40]}-{narration.state}"'
    if data["status"] == "ready" and request.META.get("HTTP_IF_NONE_MATCH") == etag:
        response = HttpResponse(status=304)
    else:
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
    if data["status"] == "ready":
        response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response


def audio_file(request: HttpRequest, name: str) -> HttpResponse:
    """The stored MP3 (when AudioFileMiddleware is not installed, requests come here)."""
    return serve_audio(request, f"readaloud/{name}")


# -- POST /v1/audio/speech -----------------------------------------------------------------------

def _speech_limits() -> tuple[int, int, int]:
    return (
        int(conf.get("READALOUD_SPEECH_MAX_CHARS")),
        int(conf.get("READALOUD_SPEECH_RATE_LIMIT")),
        int(conf.get("READALOUD_SPEECH_RATE_WINDOW")),
    )


@csrf_exempt  # an API for other systems: it reads no cookie and no session
def speech(request: HttpRequest) -> HttpResponse:
    """OpenAI-shaped text to speech, streamed sentence by sentence.

    Cheapest refusals first: method, content type, size, a busy process (no database),
    the client's request rate, a busy site; then the body, and the client's character budget.
    """
    if request.method != "POST":
        response = _bad_request("Chỉ hỗ trợ phương thức POST.", status=405)
        response["Allow"] = "POST"
        return response
    if request.content_type != "application/json":
        # A web page can post text/plain or a form to another site without asking first; JSON it cannot.
        return _bad_request("Nội dung yêu cầu phải có Content-Type: application/json.", status=415)
    max_chars, limit, window = _speech_limits()
    if _declared_length(request) > max_chars * 6 + 4096:  # 6 bytes per character at most ("\uXXXX" in JSON)
        return _too_long(max_chars)  # said before reading a body Django would refuse as too big
    slot = speech_guard.try_start()
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


def _admitted(request: HttpRequest, slot: speech_guard.SynthesisSlot, max_chars: int, limit: int,
              window: int) -> HttpResponse:
    """The rest of `speech` once a synthesis slot is held; the slot goes with a streaming answer."""
    retry_after = client_over_limit(request, "speech", limit, window)
    if retry_after is not None:
        return _rate_limited(f"Quá nhiều yêu cầu; thử lại sau {retry_after} giây.", "rate_limit_exceeded", retry_after)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        return _bad_request(f"Nội dung yêu cầu không phải JSON hợp lệ: {exc}")
    if not isinstance(data, dict):
        return _bad_request("Nội dung yêu cầu phải là một đối tượng JSON.")
    text = data.get("input")
    if not isinstance(text, str) or not text.strip():
        return _bad_request("Thiếu văn bản cần đọc: trường 'input' phải là chuỗi không rỗng.", "input")
    if len(text) > max_chars:
        return _too_long(max_chars)
    model = data.get("model", "")
    if not isinstance(model, str):
        return _bad_request("Trường 'model' phải là chuỗi.", "model")
    voice_id = data.get("voice") or default_voice_id()
    if not isinstance(voice_id, str):
        return _bad_request("Trường 'voice' phải là chuỗi.", "voice")
    voice, error = _voice_or_error(voice_id)
    if error:
        return error
    response_format = data.get("response_format", "mp3")
    if not isinstance(response_format, str) or response_format not in SPEECH_FORMATS:
        return _bad_request(
            f"response_format {response_format!r} không được hỗ trợ; chọn một trong: {', '.join(SPEECH_FORMATS)}.",
            "response_format",
        )
    speed = data.get("speed", 1.0)
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not MIN_SPEED <= speed <= MAX_SPEED:
        return _bad_request(f"Trường 'speed' phải là số từ {MIN_SPEED} đến {MAX_SPEED}.", "speed")
    budget, budget_window = int(conf.get("READALOUD_SPEECH_CHAR_BUDGET")), int(conf.get("READALOUD_SPEECH_CHAR_WINDOW"))
    retry_after = client_over_limit(request, "speech-chars", budget, budget_window, cost=len(text))
    if retry_after is not None:
        return _rate_limited(
            f"Đã dùng hết {budget:,} ký tự cho phép trong {budget_window // 60} phút; thử lại sau {retry_after} giây."
            .replace(",", "."), "character_budget_exceeded", retry_after)
    fmt, mime_type = SPEECH_FORMATS[response_format]
    release = None
    if voice.neural:
        neural_max = int(conf.get("READALOUD_SPEECH_NEURAL_MAX_CHARS"))
        if len(text) > neural_max:
            return _too_long(neural_max)
        if not _neural_speech.acquire(blocking=False):
            busy = _bad_request("Giọng nơ-ron đang bận; thử lại sau ít giây.", "voice", status=503, code="busy")
            busy["Retry-After"] = "5"
            return busy
        release = _neural_speech.release
    try:
        options = SpeechOptions(speed=float(speed), format=fmt, lexicon=full_lexicon())
        speaker = SpeechVoice.load(voice)
    except VoiceUnavailableError as exc:
        if release:
            release()
        return _bad_request(str(exc), "voice", status=503, code="voice_unavailable")
    except BaseException:
        if release:
            release()
        raise
    chunks = speech_guard.LowPriorityChunks(lambda: speaker.stream(text, options))
    response = StreamingHttpResponse(speech_guard.GuardedStream(_logged(chunks, release), slot), content_type=mime_type)
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # let a front proxy pass each sentence on at once
    response["Content-Disposition"] = f'inline; filename="speech.{ "ogg" if fmt == "ogg" else fmt}"'
    return response


def _rate_limited(message: str, code: str, retry_after: int) -> JsonResponse:
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
    return _bad_request(
        f"Văn bản quá dài: tối đa {max_chars:,} ký tự mỗi yêu cầu.".replace(",", "."), "input", status=413,
        max_chars=max_chars,
    )


def _logged(chunks: Iterator[bytes], release=None) -> Iterator[bytes]:
    """Pass the audio on; a failure mid-stream can only end the stream, so it is logged."""
    try:
        yield from chunks
    except Exception:
        logger.exception("read-aloud: speech stream failed")
        raise
    finally:
        if release is not None:
            release()


# One neural synthesis at a time per web process for the speech endpoint: the generation
# worker gets the CPU it needs and the pages stay quick.
_neural_speech = threading.Lock()
