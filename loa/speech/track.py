"""The pipeline under `SpeechVoice`: split -> normalize -> synthesize -> encode per sentence.

Every sentence is synthesized and encoded on its own, so its encoded audio can
be cached (by `chunk_key`) and streamed. Synthesis runs in the calling thread
while worker threads encode the sentences before it (eSpeak NG under ctypes and
LAME release the GIL while they work), which keeps both cores busy.

Sentence times come from the encoded chunks' exact durations (whole codec
frames), so they hold in the joined file however many sentences it has.
"""
from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from loa.speech.encoders import EncodedChunk, Encoder
from loa.speech.engines import Engine, EngineSpeech
from loa.speech.normalize import Normalized, defined_abbreviations, normalize
from loa.speech.normalize.spans import Span
from loa.speech.segment import Sentence, split_sentences
from loa.speech.voices import Voice
from loa.speech.words import WordTiming

# Silence after a sentence, in seconds at speed 1.0: a newsreader's breath between
# sentences, a longer one between paragraphs and after headings, a short one where
# an overlong sentence was cut at a clause boundary.
SENTENCE_PAUSE = 0.35
PARAGRAPH_PAUSE = 0.7
CLAUSE_PAUSE = 0.15
SENTENCE_END_MARKS = ".!?…"
CLOSING_MARKS = "\"'”’»)]"
LINE_BREAKS = "\n\r\u2028\u2029"
MAX_PENDING = 8  # sentences synthesized ahead of the encoders, at most
# A stream cuts a longer first sentence at a clause boundary: ~100 characters are
# synthesized and encoded in ~15 ms, a 400-character sentence takes ~60 ms.
QUICK_START_CHARS = 100
ENCODE_THREADS = 2
# Bump when what a cached chunk holds changes (version 1: chunks carry their word timings).
CHUNK_FORMAT = "words1"



@dataclass(frozen=True)
class TimedSentence:
    start: float  # seconds in the audio
    end: float
    text: str  # the source sentence
    char_start: int  # offsets in the original input text: text == input[char_start:char_end]
    char_end: int
    words: tuple[WordTiming, ...] = ()  # each word's time and offsets in the same input text


@dataclass(frozen=True)
class Track:
    audio: bytes
    fmt: str
    mime_type: str
    duration: float
    sentences: list[TimedSentence]
    voice: str
    speed: float

    def timings(self) -> dict[str, object]:
        return {
            "format": self.fmt,
            "mime_type": self.mime_type,
            "voice": self.voice,
            "speed": self.speed,
            "duration": round(self.duration, 3),
            "sentences": [sentence_json(s) for s in self.sentences],
        }

    def to_json(self) -> str:
        return json.dumps(self.timings(), ensure_ascii=False, indent=1)


def sentence_json(sentence: TimedSentence) -> dict[str, object]:
    return {
        "start": round(sentence.start, 3), "end": round(sentence.end, 3), "text": sentence.text,
        "char_start": sentence.char_start, "char_end": sentence.char_end,
        "words": [
            {"start": round(w.start, 3), "end": round(w.end, 3), "char_start": w.char_start, "char_end": w.char_end}
            for w in sentence.words
        ],
    }


@dataclass(frozen=True)
class SpokenSentence:
    source: Sentence
    spoken: str  # normalized: what the engine reads
    pause: float  # seconds of silence after it, at speed 1.0
    normalized: Normalized | None = None  # spoken text -> source (sentence text) offsets


class ChunkCache(Protocol):
    """What `speak` needs of a cache (Django's cache API fits): get() gives None on a miss."""

    def get(self, key: str) -> EncodedChunk | None: ...

    def set(self, key: str, value: EncodedChunk) -> None: ...


def spoken_sentences(
    text: str, region: str, lexicon: Mapping[str, str] | None = None, quick_start: bool = False,
    language: str = "vi",
) -> Iterator[SpokenSentence]:
    """The sentences of `text`, normalized lazily (so the first is ready at once).

    With `quick_start` a long first sentence is cut in two, for streaming. Only Vietnamese is
    normalized (and gets the lexicon); another language is read as written.
    """
    sentences = split_sentences(text)
    defined = defined_abbreviations(text)  # "trạm biến áp (TBA)" in one sentence reads TBA in the others
    if quick_start:
        sentences = _short_first(sentences)
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        normalized = normalize(sentence.text, region=region, lexicon=lexicon, defined=defined) if language == "vi" \
            else as_written(sentence.text)
        yield SpokenSentence(sentence, normalized.text, pause_after(text, sentence, following), normalized)


def as_written(text: str) -> Normalized:
    """`text` unchanged, each character its own span (word timings map back exactly)."""
    return Normalized(text, tuple(Span(index, index + 1, index, index + 1) for index in range(len(text))))


def _short_first(sentences: list[Sentence]) -> list[Sentence]:
    if not sentences or len(sentences[0].text) <= QUICK_START_CHARS:
        return sentences
    first = sentences[0]
    pieces = split_sentences(first.text, QUICK_START_CHARS)
    rest = pieces[1].start
    return [
        Sentence(pieces[0].text, first.start + pieces[0].start, first.start + pieces[0].end),
        Sentence(first.text[rest:], first.start + rest, first.end),
        *sentences[1:],
    ]


def pause_after(text: str, sentence: Sentence, following: Sentence | None) -> float:
    if following is not None and any(mark in text[sentence.end:following.start] for mark in LINE_BREAKS):
        return PARAGRAPH_PAUSE
    ending = sentence.text.rstrip(CLOSING_MARKS)
    if following is None or (ending and ending[-1] in SENTENCE_END_MARKS):
        return SENTENCE_PAUSE
    return CLAUSE_PAUSE


def chunk_key(spoken: str, pause: float, voice: Voice, speed: float, engine: Engine, encoder: Encoder) -> str:
    """Cache key of one sentence's encoded audio: everything that changes its bytes."""
    parts = (
        spoken, f"{pause:.3f}", f"{speed:.3f}", voice.engine_voice,
        engine.name, engine.version, encoder.fmt, encoder.settings, CHUNK_FORMAT,
    )
    return "loa-speech:" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def sentence_speech(spoken: str, pause: float, speed: float, engine: Engine) -> EngineSpeech:
    """One sentence's speech followed by its pause, with its words."""
    speech = engine.speak(spoken, speed)
    silence = np.zeros(round(pause / speed * engine.sample_rate), dtype=np.int16)
    return EngineSpeech(np.concatenate([speech.pcm, silence]), speech.words)


def encode_speech(encoder: Encoder, speech: EngineSpeech) -> EncodedChunk:
    """Encode a sentence; its chunk keeps the words' times (seconds in the PCM) and spoken-text offsets."""
    chunk = encoder.encode(speech.pcm)
    rate = encoder.sample_rate
    words = tuple((w.sample_start / rate, w.sample_end / rate, w.text_start, w.text_end) for w in speech.words)
    return EncodedChunk(chunk.data, chunk.duration, words)


@dataclass(frozen=True)
class _Pending:
    item: SpokenSentence
    key: str
    chunk: Future[EncodedChunk]
    fresh: bool  # not from the cache: store it when done


def encode_sentences(
    items: Iterable[SpokenSentence],
    voice: Voice,
    speed: float,
    engine: Engine,
    encoder: Encoder,
    cache: ChunkCache | None,
) -> Iterator[tuple[SpokenSentence, EncodedChunk, bool]]:
    """Synthesize here, encode in worker threads, yield in order as chunks are ready.

    Each item comes with its chunk and whether that chunk came from the cache.
    """
    pool = ThreadPoolExecutor(max_workers=ENCODE_THREADS, thread_name_prefix="loa-encode")
    pending: deque[_Pending] = deque()
    try:
        for index, item in enumerate(items):
            key = chunk_key(item.spoken, item.pause, voice, speed, engine, encoder)
            cached = cache.get(key) if cache is not None else None
            if cached is not None:
                chunk: Future[EncodedChunk] = Future()
                chunk.set_result(cached)
            else:
                speech = sentence_speech(item.spoken, item.pause, speed, engine)
                chunk = pool.submit(encode_speech, encoder, speech)
            pending.append(_Pending(item, key, chunk, fresh=cached is None))
            # The first sentence goes out at once (streaming); later ones as they are ready.
            while pending and (index == 0 or pending[0].chunk.done() or len(pending) > MAX_PENDING):
                yield _finish(pending.popleft(), cache)
        while pending:
            yield _finish(pending.popleft(), cache)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _finish(pending: _Pending, cache: ChunkCache | None) -> tuple[SpokenSentence, EncodedChunk, bool]:
    chunk = pending.chunk.result()
    if pending.fresh and cache is not None:
        cache.set(pending.key, chunk)
    return pending.item, chunk, not pending.fresh
