"""Audio encoders by format name."""
from __future__ import annotations

from loa.speech.encoders.base import ChunkWord, EncodedChunk, Encoder

__all__ = ["FORMATS", "ChunkWord", "EncodedChunk", "Encoder", "get_encoder"]

FORMATS = ("mp3", "ogg", "wav")


def get_encoder(fmt: str, sample_rate: int) -> Encoder:
    if fmt == "mp3":
        from loa.speech.encoders.mp3 import Mp3Encoder

        return Mp3Encoder(sample_rate)
    if fmt == "ogg":
        from loa.speech.encoders.ogg import OggOpusEncoder

        return OggOpusEncoder(sample_rate)
    if fmt == "wav":
        from loa.speech.encoders.wav import WavEncoder

        return WavEncoder(sample_rate)
    raise ValueError(f"unknown audio format {fmt!r}; expected one of {', '.join(FORMATS)}")
