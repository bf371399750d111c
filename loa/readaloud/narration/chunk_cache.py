"""Sentence audio cached on disk by content hash, so an edit only re-synthesizes changed sentences.

Keys come from the speech library (one per sentence): normalized sentence text, pause,
voice, speed, engine and encoder versions. One file per sentence, written
atomically, so several workers can share the directory.
"""
from __future__ import annotations

import os
import re
import secrets
import struct
from pathlib import Path

from django.conf import settings

from loa.speech import EncodedChunk

from .. import conf

_HEADER = struct.Struct("<4sdI")  # magic, duration in seconds, number of words
_WORD = struct.Struct("<ddii")  # a word: start and end in seconds, start and end of its characters
_MAGIC = b"LOA2"  # LOA1 files had no word timings: read as a miss, made again
_SAFE_KEY = re.compile(r"[^0-9A-Za-z]")


def cache_dir() -> Path:
    return Path(conf.get("READALOUD_CACHE_DIR") or Path(settings.LOA_DATA_DIR) / "readaloud-cache")


class FileChunkCache:
    """The `ChunkCache` the speech pipeline asks for, on files; counts what it was asked."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else cache_dir()
        self.hits = 0
        self.misses = 0
        self.stored = 0  # sentences synthesized and encoded by this run

    def path_for(self, key: str) -> Path:
        name = _SAFE_KEY.sub("", key.rsplit(":", 1)[-1])
        return self.root / name[:2] / f"{name}.chunk"

    def get(self, key: str) -> EncodedChunk | None:
        try:
            data = self.path_for(key).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            self.misses += 1
            return None
        if len(data) < _HEADER.size or data[:4] != _MAGIC:
            self.misses += 1
            return None
        _, duration, count = _HEADER.unpack_from(data)
        audio_at = _HEADER.size + count * _WORD.size
        if len(data) < audio_at:
            self.misses += 1
            return None
        words = tuple(_WORD.unpack_from(data, _HEADER.size + k * _WORD.size) for k in range(count))
        self.hits += 1
        return EncodedChunk(data[audio_at:], duration, words)

    def set(self, key: str, value: EncodedChunk) -> None:
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            with open(temporary, "wb") as out:
                out.write(_HEADER.pack(_MAGIC, value.duration, len(value.words)))
                out.write(b"".join(_WORD.pack(*word) for word in value.words))
                out.write(value.data)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self.stored += 1
