"""A narration while it is being made: the MP3 of the sentences finished so far, and their timings.

The worker appends each sentence's MP3 frames to `MEDIA_ROOT/readaloud/partial/<key>.mp3`
and then rewrites `<key>.json` (done/total, the finished sentences with their times);
the web processes read both to answer the API and to stream the growing file. The
finished file is these same bytes, so its sentence times are the stream's.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from loa.speech import write_files_atomically

PARTIAL_DIR = "readaloud/partial"
KEY_RE = re.compile(r"^[0-9a-f]{64}$")


def partial_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / PARTIAL_DIR


def audio_path(key: str) -> Path:
    return partial_dir() / f"{key}.mp3"


def progress_path(key: str) -> Path:
    return partial_dir() / f"{key}.json"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    sentences: list[dict]
    finished: bool


class PartialWriter:
    """Grows the partial file sentence by sentence; `close()` removes both files."""

    def __init__(self, key: str, total: int) -> None:
        if not KEY_RE.match(key):
            raise ValueError("a narration key is 64 hex digits")
        self.key, self.total = key, total
        partial_dir().mkdir(parents=True, exist_ok=True)
        self._audio = open(audio_path(key), "wb")
        self.sentences: list[dict] = []
        self._write_progress(finished=False)

    def add(self, audio: bytes, sentence: dict) -> None:
        self._audio.write(audio)
        self._audio.flush()  # the bytes are in the file before the timings that describe them
        self.sentences.append(sentence)
        self._write_progress(finished=False)

    def finish(self) -> None:
        self._write_progress(finished=True)
        self.close()

    def close(self) -> None:
        if not self._audio.closed:
            self._audio.close()
        audio_path(self.key).unlink(missing_ok=True)
        progress_path(self.key).unlink(missing_ok=True)

    def _write_progress(self, finished: bool) -> None:
        data = {"done": len(self.sentences), "total": self.total, "finished": finished, "sentences": self.sentences}
        write_files_atomically([(progress_path(self.key), json.dumps(data, ensure_ascii=False).encode("utf-8"))])


def read_progress(key: str) -> Progress | None:
    """The narration's progress, or None if it is not being made (not started, or finished)."""
    if not KEY_RE.match(key):
        return None
    try:
        data = json.loads(progress_path(key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Progress(int(data["done"]), int(data["total"]), list(data["sentences"]), bool(data["finished"]))
