"""Ogg Opus with PyAV (libopus, libswresample, FFmpeg's Ogg muxer).

Each sentence is resampled to 24 kHz (Opus takes 8/12/16/24/48 kHz) and encoded
on its own into Opus packets; a chunk holds those packets, length-prefixed. The
joined file is ONE logical Ogg stream: the packets of every chunk are muxed with
continuous granule positions. (Concatenated Ogg files would make a chained Ogg,
which not every browser plays.) Every packet decodes to `frame_size` samples, so
a chunk lasts packets x frame_size / 24000 s in the stream; players drop the
encoder's pre-skip (6.5 ms) once, at the start of the file.
"""
from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from fractions import Fraction

import av
import numpy as np

from loa.speech.encoders.base import EncodedChunk, as_pcm16

OPUS_RATE = 24000
BITRATE = 24000
# libopus options, measured on the seed article (146 sentences, 17 min): complexity
# 10 (the default) takes 8-9 s; 4 with 60 ms frames 1.6 s; 0 1.2 s. Constrained VBR
# keeps the size near the bitrate (plain VBR overshot to ~40 kbit/s on eSpeak's
# voice at 20 ms frames).
OPTIONS = {"compression_level": "4", "frame_duration": "60", "vbr": "constrained"}
OGG_RATE = 48000  # Ogg Opus granule positions always count 48 kHz samples
# The muxer holds a page until it spans this long (1 s by default), so a stream's
# first sentence would only go out with the second; 0.5 s pages cost ~1 % in size.
PAGE_DURATION_US = 500_000

_LENGTH = struct.Struct("<H")


class OggOpusEncoder:
    fmt = "ogg"
    mime_type = "audio/ogg"

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        options = ",".join(f"{key}={value}" for key, value in sorted(OPTIONS.items()))
        self.settings = f"libopus/{BITRATE}/{OPUS_RATE}/{options}/from{sample_rate}"
        probe = _opus_context()
        probe.open()
        self.frame_size: int = probe.frame_size
        self.pre_skip: int = int.from_bytes(bytes(probe.extradata or b"")[10:12], "little")  # OpusHead, 48 kHz units
        self.start_trim = self.pre_skip / OGG_RATE
        # Every chunk starts with its own encoder's look-ahead; only the file's first is trimmed.
        self.delay = self.start_trim

    def encode(self, pcm: np.ndarray) -> EncodedChunk:
        samples = as_pcm16(pcm)
        if not len(samples):
            return EncodedChunk(b"", 0.0)
        # A few samples would vanish in the resampler's delay: pad to one Opus frame (its duration anyway).
        minimum = -(-self.frame_size * self.sample_rate // OPUS_RATE)
        if len(samples) < minimum:
            samples = np.concatenate([samples, np.zeros(minimum - len(samples), dtype=np.int16)])
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = self.sample_rate
        resampler = av.AudioResampler(format="s16", layout="mono", rate=OPUS_RATE)
        encoder = _opus_context()
        packets = []
        for resampled in [*resampler.resample(frame), *resampler.resample(None)]:
            packets += encoder.encode(resampled)
        packets += encoder.encode(None)
        data = b"".join(_LENGTH.pack(packet.size) + bytes(packet) for packet in packets)
        return EncodedChunk(data, len(packets) * self.frame_size / OPUS_RATE)

    def stream(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        sink = _Sink()
        container = av.open(sink, "w", format="ogg", options={"page_duration": str(PAGE_DURATION_US)})
        try:
            stream = container.add_stream("libopus", rate=OPUS_RATE)
            _configure(stream.codec_context)
            time_base = Fraction(1, OPUS_RATE)
            # FFmpeg counts Opus timestamps from minus the pre-skip, as its encoder does.
            pts = -self.pre_skip * OPUS_RATE // OGG_RATE
            for chunk in chunks:
                for payload in unpack_packets(chunk):
                    packet = av.Packet(payload)
                    packet.stream = stream
                    packet.time_base = time_base
                    packet.pts = packet.dts = pts
                    packet.duration = self.frame_size
                    container.mux(packet)
                    pts += self.frame_size
                if piece := sink.take():
                    yield piece
        finally:
            container.close()
        if piece := sink.take():
            yield piece

    def join(self, chunks: Iterable[bytes]) -> bytes:
        return b"".join(self.stream(chunks))


def unpack_packets(chunk: bytes) -> Iterator[bytes]:
    offset = 0
    while offset < len(chunk):
        (size,) = _LENGTH.unpack_from(chunk, offset)
        offset += _LENGTH.size
        if offset + size > len(chunk):
            raise ValueError("Opus chunk is cut short")
        yield chunk[offset:offset + size]
        offset += size


def _opus_context() -> av.AudioCodecContext:
    context = av.CodecContext.create("libopus", "w")
    _configure(context)
    return context


def _configure(context: av.AudioCodecContext) -> None:
    context.sample_rate = OPUS_RATE
    context.layout = "mono"
    context.format = "s16"
    context.bit_rate = BITRATE
    context.options = dict(OPTIONS)


class _Sink:
    """A write-only file for PyAV that hands over what was written so far."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self._parts = b"".join(self._parts), []
        return data

    def seekable(self) -> bool:
        return False
