"""The encoder interface: each sentence is encoded on its own, then the chunks are joined.

A chunk's `duration` is how long it lasts in the joined stream a player decodes,
derived from what was encoded (whole codec frames), so sentence times add up exactly.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np

# A word in a chunk: (start, end) in seconds from the start of the PCM that was encoded,
# and (start, end) of its characters in the text the engine read.
ChunkWord = tuple[float, float, int, int]


@dataclass(frozen=True)
class EncodedChunk:
    data: bytes  # opaque to callers: only the encoder that made it can join it
    duration: float  # seconds
    words: tuple[ChunkWord, ...] = ()


class Encoder(Protocol):
    fmt: str  # "mp3", "ogg", "wav"
    mime_type: str
    sample_rate: int  # of the PCM given to encode()
    settings: str  # everything that changes the encoded bytes (cache keys use it)
    start_trim: float  # seconds a player drops from the start of the joined stream
    delay: float  # seconds by which a chunk's decoded sound lags the PCM it was encoded from

    def encode(self, pcm: np.ndarray) -> EncodedChunk:
        """Encode mono int16 PCM at `sample_rate`."""
        ...

    def stream(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """The joined file, piece by piece, as the chunks arrive."""
        ...

    def join(self, chunks: Iterable[bytes]) -> bytes:
        """The whole file."""
        ...


def as_pcm16(pcm: np.ndarray) -> np.ndarray:
    if pcm.ndim != 1:
        raise ValueError(f"expected mono PCM (one dimension), got shape {pcm.shape}")
    return np.ascontiguousarray(pcm, dtype=np.int16)
