"""Finished audio files: content-addressed under MEDIA_ROOT/readaloud/, so a URL never changes meaning."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from django.conf import settings

from loa.speech import write_files_atomically

AUDIO_DIR = "readaloud"
NAME_RE = re.compile(r"^readaloud/[0-9a-f]{32}\.mp3$")
# Served by AudioFileMiddleware (Range, ETag) rather than as plain media, whoever serves MEDIA_URL.
URL_PREFIX = "/readaloud/audio/"


def audio_root() -> Path:
    return Path(settings.MEDIA_ROOT) / AUDIO_DIR


def audio_path(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def audio_url(name: str) -> str:
    return URL_PREFIX + name.rsplit("/", 1)[-1]


def name_from_url_path(path: str) -> str:
    return f"{AUDIO_DIR}/{path[len(URL_PREFIX):]}"


def content_name(data: bytes, extension: str = "mp3") -> str:
    return f"{AUDIO_DIR}/{hashlib.sha256(data).hexdigest()[:32]}.{extension}"


def save_audio(data: bytes) -> str:
    """Store `data` under its content hash (once) and return its name relative to MEDIA_ROOT."""
    name = content_name(data)
    path = audio_path(name)
    if path.is_file() and path.stat().st_size == len(data):
        return name
    path.parent.mkdir(parents=True, exist_ok=True)
    write_files_atomically([(path, data)])
    return name
