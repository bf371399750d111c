"""The listening API: the voices, an article's audio state (asking for it starts it), the audio files."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from ..models import Narration, NarrationState
from ..narration import voices as registry
from ..narration.audio_store import audio_url
from ..narration.keys import default_voice_id
from ..narration.progress import read_progress
from ..narration.readable import live_readable_page
from ..narration.tasks import request_narration
from ..speech_api.errors import voice_or_error
from .audio_serving import serve_audio
from .streaming import stream_url

PUBLIC_STATUS = {
    NarrationState.PENDING: "pending",
    NarrationState.RUNNING: "pending",
    NarrationState.RETRYING: "pending",
    NarrationState.READY: "ready",
    NarrationState.FAILED: "failed",
}


def voice_json(voice, default: str | None = None, offered: set[str] | None = None) -> dict:
    default = default_voice_id() if default is None else default
    return {
        "id": voice.id, "name": voice.name, "region": voice.region, "gender": voice.gender,
        "engine": voice.engine, "default": voice.id == default, "neural": voice.neural,
        "available": voice.available, "offered": voice.id in offered if offered is not None else voice.available,
        "restricted": bool(voice.restricted),
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


@require_GET
def page_audio(request: HttpRequest, page_id: int) -> HttpResponse:
    """The state of an article's audio in one voice; asking for a voice not made yet starts it."""
    page = _live_article(page_id)
    voice, error = voice_or_error(request.GET.get("voice") or registry.page_voice_id(page))
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
