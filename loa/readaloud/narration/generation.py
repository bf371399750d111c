"""Making one article's audio in one voice: script -> sentences (cached per sentence) -> one MP3 + timings.

While it is made, every finished sentence is appended to the narration's partial file
(progress.py), so listeners can hear it grow; the finished file is the same bytes.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from loa.speech import SentenceAudio, SpeechOptions, SpeechVoice, sentence_count

from . import voices
from .audio_store import save_audio
from .chunk_cache import FileChunkCache
from .keys import AUDIO_FORMAT, SPEED
from .lexicon import lexicon_for
from .progress import PartialWriter
from .script import ScriptMap, script_text, units_from_json

HEARTBEAT_EVERY = 2.0  # seconds


@dataclass(frozen=True)
class GeneratedAudio:
    audio_name: str
    audio_size: int
    duration: float
    sentences: list[dict]
    synthesized: int  # sentences that were not in the cache


def sentence_json(sentence: SentenceAudio, script_map: ScriptMap) -> dict:
    """A sentence as the API gives it: times in the MP3, offsets in its page element (words likewise)."""
    block, char_start, char_end = script_map.locate(sentence.char_start, sentence.char_end)
    words = []
    for word in sentence.words:
        word_block, word_start, word_end = script_map.locate(word.char_start, word.char_end)
        if word_block == block:
            words.append({"start": round(word.start, 3), "end": round(word.end, 3),
                          "char_start": word_start, "char_end": word_end})
    return {
        "start": round(sentence.start, 3), "end": round(sentence.end, 3), "text": sentence.text,
        "block": block, "char_start": char_start, "char_end": char_end, "words": words,
    }


def generate_audio_file(
    units_json: list[dict],
    voice_id: str,
    on_progress: Callable[[], None] | None = None,
    key: str | None = None,
) -> GeneratedAudio:
    """Speak the script's units with `voice_id` and store the MP3; sentences point back into the page.

    With `key` (the narration's), the audio made so far can be streamed meanwhile.
    """
    units = units_from_json(units_json)
    text = script_text(units)
    script_map = ScriptMap(units)
    options = SpeechOptions(speed=SPEED, format=AUDIO_FORMAT, lexicon=lexicon_for(text), cache=FileChunkCache())
    speaker = SpeechVoice.load(voices.voice(voice_id))
    partial = PartialWriter(key, sentence_count(text)) if key else None
    chunks: list[bytes] = []
    sentences: list[dict] = []
    synthesized = 0
    last_report = time.monotonic()
    try:
        for sentence in speaker.synthesize(text, options):
            chunks.append(sentence.audio)
            sentences.append(sentence_json(sentence, script_map))
            synthesized += not sentence.cached
            if partial is not None:
                partial.add(sentence.audio, sentences[-1])
            if on_progress is not None and time.monotonic() - last_report >= HEARTBEAT_EVERY:
                last_report = time.monotonic()
                on_progress()
        audio = speaker.encoder(options).join(chunks)
        name = save_audio(audio)
    except BaseException:
        if partial is not None:
            partial.close()
        raise
    if partial is not None:
        partial.finish()
    duration = sentences[-1]["end"] if sentences else 0.0
    return GeneratedAudio(name, len(audio), round(duration, 3), sentences, synthesized)
