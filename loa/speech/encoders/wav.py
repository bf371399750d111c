"""WAV: 16-bit mono PCM, the chunks are the samples themselves."""
from __future__ import annotations

import io
import struct
import wave
from collections.abc import Iterable, Iterator

import numpy as np

from loa.speech.encoders.base import EncodedChunk, as_pcm16

# A stream's length is not known when its header goes out; the largest sizes say
# "read to the end", which browsers and FFmpeg accept.
UNKNOWN_SIZE = 0xFFFFFFFF


class WavEncoder:
    fmt = "wav"
    mime_type = "audio/wav"
    start_trim = 0.0
    delay = 0.0

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.settings = f"pcm_s16le/{sample_rate}"

    def encode(self, pcm: np.ndarray) -> EncodedChunk:
        samples = as_pcm16(pcm).astype("<i2", copy=False)
        return EncodedChunk(samples.tobytes(), len(samples) / self.sample_rate)

    def join(self, chunks: Iterable[bytes]) -> bytes:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(b"".join(chunks))
        return buffer.getvalue()

    def stream(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        header = self._stream_header()
        for chunk in chunks:
            yield header + chunk  # the header goes out with the first sentence's audio
            header = b""
        if header:
            yield header

    def _stream_header(self) -> bytes:
        byte_rate = self.sample_rate * 2
        return struct.pack(
            "<4sI4s4sIHHIIHH4sI",
            b"RIFF", UNKNOWN_SIZE, b"WAVE",
            b"fmt ", 16, 1, 1, self.sample_rate, byte_rate, 2, 16,
            b"data", UNKNOWN_SIZE,
        )
