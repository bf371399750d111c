"""Making one article's audio in one voice: script -> sentences (cached per sentence) -> one MP3 + timings."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from loa.speech.encoders import EncodedChunk
from loa.speech.track import speak

from .audio_store import save_audio
from .chunk_cache import FileChunkCache
from .keys import AUDIO_FORMAT, SPEED
from .lexicon import lexicon_for
from .script import ScriptMap, script_text, units_from_json

HEARTBEAT_EVERY = 2.0  # seconds


@dataclass(frozen=True)
class GeneratedAudio:
    audio_name: str
    audio_size: int
    duration: float
    sentences: list[dict]
    synthesized: int  # sentences that were not in the cache


class _ProgressCache(FileChunkCache):
    """The chunk cache, calling `on_progress` every few seconds while sentences are looked up."""

    def __init__(self, on_progress: Callable[[], None] | None) -> None:
        super().__init__()
        self.on_progress = on_progress
        self._last = time.monotonic()

    def get(self, key: str) -> EncodedChunk | None:
        if self.on_progress is not None and time.monotonic() - self._last >= HEARTBEAT_EVERY:
            self._last = time.monotonic()
            self.on_progress()
        return super().get(key)


def generate_audio_file(units_json: list[dict], voice_id: str, on_progress: Callable[[], None] | None = None) -> GeneratedAudio:
    """Speak the script's units with `voice_id` and store the MP3; sentences point back into the page."""
    units = units_from_json(units_json)
    text = script_text(units)
    cache = _ProgressCache(on_progress)
    track = speak(text, voice=voice_id, speed=SPEED, fmt=AUDIO_FORMAT, lexicon=lexicon_for(text), cache=cache)
    name = save_audio(track.audio)
    script_map = ScriptMap(units)
    sentences = []
    for sentence in track.sentences:
        block, char_start, char_end = script_map.locate(sentence.char_start, sentence.char_end)
        sentences.append({
            "start": round(sentence.start, 3),
            "end": round(sentence.end, 3),
            "text": sentence.text,
            "block": block,
            "char_start": char_start,
            "char_end": char_end,
        })
    return GeneratedAudio(name, len(track.audio), round(track.duration, 3), sentences, cache.stored)
