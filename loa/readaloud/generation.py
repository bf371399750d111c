"""Making one article's audio in one voice: script -> sentences (cached per sentence) -> one MP3 + timings."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from loa.speech import SpeechOptions, SpeechVoice

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


def generate_audio_file(units_json: list[dict], voice_id: str, on_progress: Callable[[], None] | None = None) -> GeneratedAudio:
    """Speak the script's units with `voice_id` and store the MP3; sentences point back into the page."""
    units = units_from_json(units_json)
    text = script_text(units)
    cache = FileChunkCache()
    options = SpeechOptions(speed=SPEED, format=AUDIO_FORMAT, lexicon=lexicon_for(text), cache=cache)
    voice = SpeechVoice.load(voice_id)
    spoken = []
    last_report = time.monotonic()
    for sentence in voice.synthesize(text, options):
        spoken.append(sentence)
        if on_progress is not None and time.monotonic() - last_report >= HEARTBEAT_EVERY:
            last_report = time.monotonic()
            on_progress()
    audio = voice.encoder(options).join(sentence.audio for sentence in spoken)
    name = save_audio(audio)
    script_map = ScriptMap(units)
    sentences = []
    for sentence in spoken:
        block, char_start, char_end = script_map.locate(sentence.char_start, sentence.char_end)
        sentences.append({
            "start": round(sentence.start, 3),
            "end": round(sentence.end, 3),
            "text": sentence.text,
            "block": block,
            "char_start": char_start,
            "char_end": char_end,
        })
    duration = spoken[-1].end if spoken else 0.0
    return GeneratedAudio(name, len(audio), round(duration, 3), sentences, sum(not s.cached for s in spoken))
