import io
import wave

import av
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loa.speech.encoders import FORMATS, get_encoder
from loa.speech.encoders.mp3 import count_samples, frame_at, is_info_frame, without_info_frame
from loa.speech.encoders.ogg import unpack_packets

RATE = 22050


def tone(seconds: float, frequency: float = 220.0, level: int = 8000) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (level * np.sin(2 * np.pi * frequency * t)).astype(np.int16)


def decode(data: bytes) -> tuple[np.ndarray, int]:
    """The mono float samples a player gets from `data`, and their rate."""
    with av.open(io.BytesIO(data)) as container:
        frames = list(container.decode(audio=0))
    samples = np.concatenate([frame.to_ndarray().reshape(-1).astype(np.float64) for frame in frames])
    if frames[0].format.name.startswith("s16"):
        samples /= 32768
    return samples, frames[0].sample_rate


def codec_of(data: bytes) -> tuple[str, int, int]:
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        return stream.codec_context.name, stream.codec_context.channels, stream.codec_context.sample_rate


@pytest.mark.parametrize("fmt", FORMATS)
def test_joined_chunks_last_exactly_the_sum_of_their_durations(fmt):
    encoder = get_encoder(fmt, RATE)
    pieces = [tone(0.4 + 0.37 * i, 180 + 40 * i) for i in range(12)]
    chunks = [encoder.encode(piece) for piece in pieces]
    samples, rate = decode(encoder.join(chunk.data for chunk in chunks))
    expected = sum(chunk.duration for chunk in chunks) - encoder.start_trim
    assert abs(len(samples) / rate - expected) < 0.002
    # each chunk holds its whole input (plus codec padding)
    for piece, chunk in zip(pieces, chunks, strict=True):
        assert len(piece) / RATE <= chunk.duration < len(piece) / RATE + 0.2


@settings(max_examples=12, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=30000), min_size=1, max_size=6), st.sampled_from(FORMATS))
def test_any_chunk_lengths_add_up(lengths, fmt):
    encoder = get_encoder(fmt, RATE)
    chunks = [encoder.encode(tone(n / RATE)) for n in lengths]
    samples, rate = decode(encoder.join(chunk.data for chunk in chunks))
    assert abs(len(samples) / rate - (sum(c.duration for c in chunks) - encoder.start_trim)) < 0.002


@pytest.mark.parametrize("fmt", FORMATS)
def test_sound_lands_where_the_durations_say(fmt):
    encoder = get_encoder(fmt, RATE)
    quiet, loud = np.zeros(round(0.5 * RATE), np.int16), tone(0.3)
    chunks = [encoder.encode(np.concatenate([quiet, loud, quiet])) for _ in range(30)]
    samples, rate = decode(encoder.join(chunk.data for chunk in chunks))
    start = sum(chunk.duration for chunk in chunks[:25]) - encoder.start_trim
    envelope = np.abs(samples[round((start + 0.3) * rate):round((start + 1.0) * rate)])
    onset = 0.3 + np.argmax(envelope > 0.05) / rate
    assert 0.5 <= onset < 0.57, onset  # 0.5 s of silence, then the tone, give or take codec delay


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_pcm_gives_an_empty_chunk(fmt):
    chunk = get_encoder(fmt, RATE).encode(np.zeros(0, np.int16))
    assert chunk.data == b"" and chunk.duration == 0.0


@pytest.mark.parametrize("fmt", FORMATS)
def test_stereo_input_is_refused(fmt):
    with pytest.raises(ValueError, match="mono"):
        get_encoder(fmt, RATE).encode(np.zeros((2, 100), np.int16))


def test_unknown_format():
    with pytest.raises(ValueError, match="flac"):
        get_encoder("flac", RATE)


def test_mime_types():
    assert [get_encoder(fmt, RATE).mime_type for fmt in FORMATS] == ["audio/mpeg", "audio/ogg", "audio/wav"]


def test_mp3_is_constant_bitrate_mono_at_the_input_rate():
    data = get_encoder("mp3", RATE).encode(tone(2.0)).data
    assert codec_of(data)[1:] == (1, RATE)
    headers = set()
    offset = 0
    while offset < len(data):
        headers.add(data[offset + 2] & 0xF0)  # bitrate index
        offset += frame_at(data, offset)[0]
    assert headers == {0x60}  # 48 kbit/s in every frame


def test_mp3_chunk_has_no_info_frame_and_counts_like_a_decoder():
    chunk = get_encoder("mp3", RATE).encode(tone(1.3))
    assert not is_info_frame(chunk.data)
    assert b"Xing" not in chunk.data and b"Info" not in chunk.data
    samples, rate = count_samples(chunk.data)
    assert rate == RATE and samples % 576 == 0
    assert len(decode(chunk.data)[0]) == samples


def test_an_info_frame_is_recognised_and_dropped():
    data = get_encoder("mp3", RATE).encode(tone(1.0)).data
    first = frame_at(data, 0)[0]
    tagged = bytearray(data[:first])
    tagged[4:first] = bytes(first - 4)
    tagged[4 + 9:4 + 13] = b"Info"  # MPEG-2 mono: 9 bytes of side information
    assert is_info_frame(bytes(tagged))
    assert without_info_frame(bytes(tagged) + data) == data
    assert without_info_frame(data) == data


def test_garbage_is_not_an_mp3_frame():
    with pytest.raises(ValueError, match="byte 0"):
        count_samples(b"\x00" * 200)
    data = get_encoder("mp3", RATE).encode(tone(0.5)).data
    with pytest.raises(ValueError, match="cut short"):
        count_samples(data[:-10])


def test_ogg_is_one_opus_stream_not_a_chain():
    encoder = get_encoder("ogg", RATE)
    data = encoder.join(encoder.encode(tone(0.6)).data for _ in range(5))
    assert codec_of(data)[:2] == ("opus", 1)
    beginnings = [i for i in range(len(data)) if data.startswith(b"OggS", i) and data[i + 5] & 0x02]
    assert len(beginnings) == 1
    assert data.count(b"OpusHead") == 1


def test_ogg_chunk_holds_fixed_size_opus_packets():
    encoder = get_encoder("ogg", RATE)
    chunk = encoder.encode(tone(1.0))
    packets = list(unpack_packets(chunk.data))
    assert chunk.duration == len(packets) * encoder.frame_size / 24000
    assert 1.0 <= chunk.duration <= 1.2


def test_ogg_stream_sends_audio_with_the_first_chunk():
    encoder = get_encoder("ogg", RATE)
    stream = encoder.stream(encoder.encode(tone(1.5)).data for _ in range(3))
    assert len(next(stream)) > 1000  # not only the headers
    rest = b"".join(stream)
    assert len(rest) > 1000


def test_wav_join_is_a_plain_wave_file():
    encoder = get_encoder("wav", RATE)
    pcm = tone(0.5)
    data = encoder.join([encoder.encode(pcm).data, encoder.encode(pcm).data])
    with wave.open(io.BytesIO(data)) as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, RATE)
        assert reader.getnframes() == 2 * len(pcm)
        assert np.array_equal(np.frombuffer(reader.readframes(len(pcm)), "<i2"), pcm)


def test_wav_stream_of_unknown_length_decodes():
    encoder = get_encoder("wav", RATE)
    pieces = list(encoder.stream(encoder.encode(tone(0.5)).data for _ in range(3)))
    assert len(pieces) == 3 and pieces[0].startswith(b"RIFF")
    samples, rate = decode(b"".join(pieces))
    assert len(samples) == 3 * round(0.5 * RATE)
