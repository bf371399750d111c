"""Serving the content-addressed MP3 files: Range (206/416), ETag/Last-Modified (304), cached forever.

The file name is the hash of its bytes, so the ETag is that hash and the
response may be cached for a year: a changed article gets a new URL. The
middleware answers these requests before the rest of the stack (sessions,
CSRF, auth, page cache), which a media player hits many times per listen.
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from ..narration.audio_store import NAME_RE, URL_PREFIX, audio_path, name_from_url_path

CACHE_FOREVER = "public, max-age=31536000, immutable"
READ_AT_ONCE = 256 * 1024  # ranges up to this size are read into memory in one call
BLOCK = 64 * 1024
# At most 19 digits (int64): longer numbers are ignored like any unparseable Range, not fed to int().
_RANGE_RE = re.compile(r"^\s*bytes\s*=\s*(\d{0,19})\s*-\s*(\d{0,19})\s*$", re.I)


@dataclass(frozen=True)
class AudioFile:
    path: str
    size: int
    mtime: float
    etag: str
    last_modified: str


_files: dict[str, AudioFile] = {}
_files_lock = threading.Lock()


def audio_file(name: str) -> AudioFile | None:
    """Stat the file once per process (its content never changes under the same name)."""
    found = _files.get(name)
    if found is not None:
        return found
    if not NAME_RE.match(name):
        return None
    path = str(audio_path(name))
    try:
        stat = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    digest = name.rsplit("/", 1)[-1].split(".", 1)[0]
    found = AudioFile(path, stat.st_size, stat.st_mtime, f'"{digest}"', formatdate(stat.st_mtime, usegmt=True))
    with _files_lock:
        _files[name] = found
    return found


def forget(name: str) -> None:
    with _files_lock:
        _files.pop(name, None)


def parse_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte of a single `bytes=` range; None to ignore the header; False if unsatisfiable."""
    match = _RANGE_RE.match(header)
    if not match:
        return None  # several ranges or another unit: answer with the whole file, as RFC 9110 allows
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None
    if start >= size:
        return False
    return start, min(end, size - 1)


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return etag in tags


def _not_modified(request: HttpRequest, audio: AudioFile) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        return _etag_matches(if_none_match, audio.etag)
    since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if since:
        try:
            return int(parsedate_to_datetime(since).timestamp()) >= int(audio.mtime)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def _range_applies(request: HttpRequest, audio: AudioFile) -> bool:
    if_range = request.META.get("HTTP_IF_RANGE")
    if if_range is None:
        return True
    if if_range.startswith(('"', "W/")):
        return if_range.strip() == audio.etag
    return if_range.strip() == audio.last_modified


def _headers(response: HttpResponse, audio: AudioFile) -> HttpResponse:
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = audio.etag
    response["Last-Modified"] = audio.last_modified
    response["Cache-Control"] = CACHE_FOREVER
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _blocks(handle, start: int, length: int) -> Iterator[bytes]:
    with handle:
        handle.seek(start)
        while length > 0:
            block = handle.read(min(BLOCK, length))
            if not block:
                break
            length -= len(block)
            yield block


def _body(request: HttpRequest, audio: AudioFile, start: int, length: int, status: int) -> HttpResponse | None:
    """The response with bytes [start, start + length); None if the file is gone."""
    if request.method == "HEAD":
        response = HttpResponse(status=status, content_type="audio/mpeg")
    else:
        try:
            handle = open(audio.path, "rb")
        except FileNotFoundError:
            return None
        if length <= READ_AT_ONCE:
            with handle:
                data = os.pread(handle.fileno(), length, start)
            response = HttpResponse(data, status=status, content_type="audio/mpeg")
        else:
            response = StreamingHttpResponse(_blocks(handle, start, length), status=status, content_type="audio/mpeg")
    response["Content-Length"] = str(length)
    return response


def _not_found() -> HttpResponse:
    return HttpResponse("Không tìm thấy tệp âm thanh.", status=404, content_type="text/plain; charset=utf-8")


def serve_audio(request: HttpRequest, name: str) -> HttpResponse:
    """Answer GET/HEAD for one stored audio file (name relative to MEDIA_ROOT)."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
        return response
    audio = audio_file(name)
    if audio is None:
        return _not_found()
    if _not_modified(request, audio):
        return _headers(HttpResponse(status=304), audio)
    first, last, status = 0, audio.size - 1, 200
    range_header = request.META.get("HTTP_RANGE")
    if range_header and _range_applies(request, audio):
        wanted = parse_range(range_header, audio.size)
        if wanted is False:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{audio.size}"
            return _headers(response, audio)
        if wanted is not None:
            (first, last), status = wanted, 206
    response = _body(request, audio, first, last - first + 1, status)
    if response is None:  # deleted since this process looked (a replaced file)
        forget(name)
        return _not_found()
    if status == 206:
        response["Content-Range"] = f"bytes {first}-{last}/{audio.size}"
    return _headers(response, audio)


class AudioFileMiddleware:
    """Serve /readaloud/audio/<hash>.mp3 before the rest of the middleware stack."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(URL_PREFIX):
            return serve_audio(request, name_from_url_path(path))
        return self.get_response(request)
