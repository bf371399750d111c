"""`GET /readaloud/stream/<key>.mp3`: a narration still being made, as one growing MP3 (chunked).

It sends the sentences finished so far, then each new one as the worker appends it,
and ends when the narration is finished (its progress file says so or is gone) or
nothing new came for READALOUD_STREAM_STALL_SECONDS. A browser's <audio> plays it as
it arrives, like a radio stream. Each listener holds a server thread, so each web
process serves at most READALOUD_STREAMS_PER_PROCESS of them; more get 503 and the
player waits for the finished file instead.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from .. import conf
from ..narration.progress import KEY_RE, audio_path, progress_path, read_progress

POLL_EVERY = 0.2  # seconds between looks at the growing file
BLOCK = 64 * 1024

_streams = threading.BoundedSemaphore(int(conf.DEFAULTS["READALOUD_STREAMS_PER_PROCESS"]))
_streams_size = int(conf.DEFAULTS["READALOUD_STREAMS_PER_PROCESS"])
_streams_lock = threading.Lock()


def _semaphore() -> threading.BoundedSemaphore:
    """The per-process limit (re-made if the setting changed, e.g. in tests)."""
    global _streams, _streams_size
    wanted = max(1, int(conf.get("READALOUD_STREAMS_PER_PROCESS")))
    with _streams_lock:
        if wanted != _streams_size:
            _streams, _streams_size = threading.BoundedSemaphore(wanted), wanted
        return _streams


def stream_url(key: str) -> str:
    return f"/readaloud/stream/{key}.mp3"


def growing_audio(request: HttpRequest, key: str) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
        return response
    progress = read_progress(key) if KEY_RE.match(key) else None
    if progress is None or progress.finished:
        return HttpResponse("Âm thanh này không còn đang được tạo.", status=404, content_type="text/plain; charset=utf-8")
    try:
        handle = open(audio_path(key), "rb")
    except FileNotFoundError:
        return HttpResponse("Âm thanh này không còn đang được tạo.", status=404, content_type="text/plain; charset=utf-8")
    if request.method == "HEAD":
        handle.close()
        return _headers(HttpResponse(content_type="audio/mpeg"))
    semaphore = _semaphore()
    if not semaphore.acquire(blocking=False):
        handle.close()
        response = HttpResponse("Đang có nhiều người nghe bản đang tạo; vui lòng chờ bản hoàn chỉnh.", status=503,
                                content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response
    return _headers(StreamingHttpResponse(_follow(handle, key, semaphore), content_type="audio/mpeg"))


def _headers(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # a front proxy passes each sentence on at once
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _follow(handle, key: str, semaphore: threading.BoundedSemaphore) -> Iterator[bytes]:
    stall = float(conf.get("READALOUD_STREAM_STALL_SECONDS"))
    last_growth = time.monotonic()
    try:
        while True:
            block = handle.read(BLOCK)
            if block:
                last_growth = time.monotonic()
                yield block
                continue
            if not progress_path(key).exists():  # finished (or failed): what was written is all there is
                rest = handle.read()
                if rest:
                    yield rest
                return
            if time.monotonic() - last_growth > stall:
                return
            time.sleep(POLL_EVERY)
    finally:
        handle.close()
        semaphore.release()
