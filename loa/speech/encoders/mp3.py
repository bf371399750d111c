"""MP3 with LAME (lameenc): constant bitrate so browsers can seek, mono.

Each chunk is a whole number of MP3 frames with no Xing/Info tag frame, so
chunks concatenate into one valid stream and a chunk lasts exactly
frames x samples-per-frame / sample rate in it (576 samples a frame at the
MPEG-2 rates 16-24 kHz, 1152 at MPEG-1's 32-48 kHz).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import lameenc
import numpy as np

from loa.speech.encoders.base import EncodedChunk, as_pcm16

BITRATE_KBPS = 48
# LAME's algorithm quality, 2 (best) to 7 (fast). On the seed article 7 encodes in
# ~1.4 s, 5 in ~2.8 s, 2 in ~4.6 s; for eSpeak's formant voice at 48 kbit/s the
# difference is not audible.
QUALITY = 7
# LAME's encoder delay (576 samples) plus the MP3 decoder's (529): without an Info tag
# that gives the delay, players keep them, so sound lands this much later in a chunk.
CODEC_DELAY_SAMPLES = 576 + 529

_BITRATES_MPEG1 = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_BITRATES_MPEG2 = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


class Mp3Encoder:
    fmt = "mp3"
    mime_type = "audio/mpeg"
    start_trim = 0.0  # without an Info tag players keep every decoded sample

    def __init__(self, sample_rate: int, bitrate_kbps: int = BITRATE_KBPS, quality: int = QUALITY) -> None:
        self.sample_rate = sample_rate
        self.bitrate_kbps = bitrate_kbps
        self.quality = quality
        self.settings = f"lame/cbr{bitrate_kbps}/q{quality}/{sample_rate}"
        self.delay = CODEC_DELAY_SAMPLES / sample_rate

    def encode(self, pcm: np.ndarray) -> EncodedChunk:
        samples = as_pcm16(pcm)
        if not len(samples):
            return EncodedChunk(b"", 0.0)
        encoder = lameenc.Encoder()
        encoder.set_channels(1)
        encoder.set_in_sample_rate(self.sample_rate)
        encoder.set_out_sample_rate(self.sample_rate)
        encoder.set_bit_rate(self.bitrate_kbps)
        encoder.set_quality(self.quality)
        data = without_info_frame(bytes(encoder.encode(samples.tobytes()) + encoder.flush()))
        frame_samples, rate = count_samples(data)
        return EncodedChunk(data, frame_samples / rate)

    def stream(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        return iter(chunks)

    def join(self, chunks: Iterable[bytes]) -> bytes:
        return b"".join(chunks)


def frame_at(data: bytes, offset: int) -> tuple[int, int, int]:
    """(length in bytes, samples, sample rate) of the MPEG layer III frame at `offset`."""
    header = int.from_bytes(data[offset:offset + 4], "big")
    version = (header >> 19) & 3
    layer = (header >> 17) & 3
    bitrate_index = (header >> 12) & 15
    rate_index = (header >> 10) & 3
    if (
        offset + 4 > len(data) or header >> 21 != 0x7FF or version == 1 or layer != 1
        or bitrate_index in (0, 15) or rate_index == 3
    ):
        raise ValueError(f"no MPEG layer III frame header at byte {offset}")
    mpeg1 = version == 3
    bitrate = (_BITRATES_MPEG1 if mpeg1 else _BITRATES_MPEG2)[bitrate_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (header >> 9) & 1
    length = (144 if mpeg1 else 72) * bitrate // rate + padding
    return length, (1152 if mpeg1 else 576), rate


def count_samples(data: bytes) -> tuple[int, int]:
    """(decoded samples, sample rate) of a run of whole MP3 frames."""
    offset = total = rate = 0
    while offset < len(data):
        length, samples, rate = frame_at(data, offset)
        if offset + length > len(data):
            raise ValueError(f"MP3 frame at byte {offset} is cut short")
        offset += length
        total += samples
    return total, rate


def is_info_frame(data: bytes, offset: int = 0) -> bool:
    """True for a Xing/Info tag frame: it decodes to silence and only belongs at a file's start."""
    frame_at(data, offset)
    mpeg1 = (data[offset + 1] >> 3) & 3 == 3
    mono = data[offset + 3] >> 6 == 3
    side_info = (17 if mono else 32) if mpeg1 else (9 if mono else 17)
    has_crc = not data[offset + 1] & 1
    tag_at = offset + 4 + (2 if has_crc else 0) + side_info
    return data[tag_at:tag_at + 4] in (b"Xing", b"Info")


def without_info_frame(data: bytes) -> bytes:
    if data and is_info_frame(data):
        return data[frame_at(data, 0)[0]:]
    return data
