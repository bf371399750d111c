"""The engine interface: an engine is bound to one voice and reads one sentence of spoken text.

`speak` also says where each word of the text is in the audio (`WordSpan`: its
characters in the text the engine was given, its samples in the PCM), measured
by the engine: eSpeak NG's word events, Piper's phoneme durations, Kokoro's token durations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np


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


@dataclass(frozen=True)
class EngineIdentity:
    """What an engine's audio depends on besides the text, known without loading a model."""

    name: str  # matches Voice.engine
    version: str  # changes whenever the same text could sound different (cache keys use it)
    sample_rate: int


@runtime_checkable
class Engine(Protocol):
    name: str
    version: str
    sample_rate: int

    def speak(self, text: str, speed: float = 1.0) -> EngineSpeech:
        """The voice reading `text` (blank text gives empty audio), with its words placed in the audio."""
        ...


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
