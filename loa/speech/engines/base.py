"""The engine interface: sentences of spoken text in, one PCM chunk per sentence out.

`speak` also says where each word of the text is in the audio (`WordSpan`: its
characters in the text the engine was given, its samples in the PCM), measured
by the engine: eSpeak NG's word events, Piper's phoneme durations.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from loa.speech.voices import Voice


class SynthesisError(RuntimeError):
    """The engine failed; no audio is returned for the failed text."""


@dataclass(frozen=True)
class WordSpan:
    """One word of an engine's input: text[text_start:text_end], heard in pcm[sample_start:sample_end]."""

    text_start: int
    text_end: int
    sample_start: int
    sample_end: int


@dataclass(frozen=True)
class EngineSpeech:
    pcm: np.ndarray  # mono int16
    words: tuple[WordSpan, ...]  # in order, not overlapping


@runtime_checkable
class Engine(Protocol):
    name: str  # matches Voice.engine
    version: str  # changes whenever the same text could sound different (cache keys use it)
    sample_rate: int

    def synthesize(self, texts: Iterable[str], voice: Voice, speed: float = 1.0) -> Iterator[np.ndarray]:
        """Yield one mono int16 array per text, in order; blank text gives an empty array."""
        ...

    def speak(self, texts: Iterable[str], voice: Voice, speed: float = 1.0) -> Iterator[EngineSpeech]:
        """As `synthesize`, with each text's words placed in its audio."""
        ...


def synthesize_one(engine: Engine, text: str, voice: Voice, speed: float = 1.0) -> np.ndarray:
    return next(iter(engine.synthesize([text], voice, speed)))


def speak_one(engine: Engine, text: str, voice: Voice, speed: float = 1.0) -> EngineSpeech:
    return next(iter(engine.speak([text], voice, speed)))


def silence() -> EngineSpeech:
    return EngineSpeech(np.zeros(0, dtype=np.int16), ())


SILENCE_THRESHOLD = 300  # int16 RMS of a 10 ms frame below which it counts as silence
FRAME_SECONDS = 0.01


def trim_trailing_silence(pcm: np.ndarray, start: int, end: int, sample_rate: int) -> int:
    """The end of the last audible 10 ms frame in pcm[start:end] (a word followed by a pause ends earlier)."""
    frame = max(1, int(sample_rate * FRAME_SECONDS))
    position = end
    while position - frame > start:
        window = pcm[position - frame:position].astype(np.float64)
        if float(np.sqrt(np.mean(window * window))) >= SILENCE_THRESHOLD:
            break
        position -= frame
    return max(position, min(start + frame, end))
