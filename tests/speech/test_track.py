import io
import json
import os
from itertools import pairwise

import av
import numpy as np
import pytest

from loa.speech import SpeechOptions, SpeechVoice
from loa.speech.encoders import FORMATS, get_encoder
from loa.speech.engines import EngineSpeech, engine_for
from loa.speech.normalize import normalize
from loa.speech.packs.registry import get_voice
from loa.speech.segment import Sentence, split_sentences
from loa.speech.track import (
    CLAUSE_PAUSE,
    PARAGRAPH_PAUSE,
    QUICK_START_CHARS,
    SENTENCE_PAUSE,
    Track,
    chunk_key,
    encode_speech,
    pause_after,
    sentence_speech,
    spoken_sentences,
)


def loaded(voice=None, engine=None) -> SpeechVoice:
    return SpeechVoice(get_voice(voice), engine) if engine is not None else SpeechVoice.load(voice)


def speak(text, voice=None, speed=1.0, fmt="mp3", cache=None, engine=None) -> Track:
    return loaded(voice, engine).speak(text, SpeechOptions(speed=speed, format=fmt, cache=cache))


def iter_speech(text, voice=None, speed=1.0, fmt="mp3", cache=None, engine=None):
    return loaded(voice, engine).stream(text, SpeechOptions(speed=speed, format=fmt, cache=cache))


def get_engine(voice=None):
    return engine_for(get_voice(voice))


def sentence_audio(spoken, voice, speed, encoder, pause=SENTENCE_PAUSE):
    return encode_speech(encoder, sentence_speech(spoken, pause, speed, engine_for(voice)))


def write_track(text, output_path, voice=None, fmt="mp3", timings_path=None) -> Track:
    return SpeechVoice.load(voice).write(text, output_path, SpeechOptions(format=fmt), timings_path=timings_path)


SHORT = "Hội nghị khai mạc lúc 8 giờ.\n\nĐại biểu thảo luận về ngân sách. Cuộc họp kết thúc."


class CountingEngine:
    """The real eSpeak NG engine, counting the texts it is asked to synthesize."""

    def __init__(self) -> None:
        self._engine = get_engine()
        self.name, self.version, self.sample_rate = self._engine.name, self._engine.version, self._engine.sample_rate
        self.texts: list[str] = []

    def speak(self, text: str, speed: float = 1.0) -> EngineSpeech:
        self.texts.append(text)
        return self._engine.speak(text, speed)


class RememberingEngine(CountingEngine):
    """The real engine, synthesizing each text once: the seed article is read once for all formats."""

    def __init__(self) -> None:
        super().__init__()
        self._memory: dict[tuple[str, float], EngineSpeech] = {}

    def speak(self, text: str, speed: float = 1.0) -> EngineSpeech:
        key = (text, speed)
        if key not in self._memory:
            self._memory[key] = super().speak(text, speed)
        return self._memory[key]


class DictCache:
    def __init__(self) -> None:
        self.data: dict[str, object] = {}

    def get(self, key: str):
        return self.data.get(key)

    def set(self, key: str, value) -> None:
        self.data[key] = value


def decode(data: bytes) -> tuple[np.ndarray, int]:
    with av.open(io.BytesIO(data)) as container:
        frames = list(container.decode(audio=0))
    samples = np.concatenate([frame.to_ndarray().reshape(-1).astype(np.float64) for frame in frames])
    if frames[0].format.name.startswith("s16"):
        samples /= 32768
    return samples, frames[0].sample_rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0


@pytest.fixture(scope="module")
def seed_tracks(seed_text) -> dict[str, tuple[Track, np.ndarray, int]]:
    engine = RememberingEngine()
    tracks = {}
    for fmt in FORMATS:
        track = speak(seed_text, fmt=fmt, engine=engine)
        tracks[fmt] = (track, *decode(track.audio))
    return tracks


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_article_decodes_to_the_last_sentence_end(seed_tracks, fmt):
    track, samples, rate = seed_tracks[fmt]
    decoded = len(samples) / rate
    assert track.duration > 600  # about 17 minutes
    assert abs(decoded - track.sentences[-1].end) < 0.1, f"{fmt}: drift {decoded - track.sentences[-1].end:+.4f} s"
    assert abs(decoded - track.duration) < 0.1


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_sentence_starts_where_its_timing_says(seed_tracks, fmt):
    track, samples, rate = seed_tracks[fmt]
    window = round(0.005 * rate)
    for index, sentence in enumerate(track.sentences):
        start = round(sentence.start * rate)
        assert rms(samples[max(0, start - round(0.06 * rate)):start]) < 0.003, f"{fmt}: sound before sentence {index}"
        after = samples[start:start + round(0.25 * rate)]
        levels = [rms(after[i:i + window]) for i in range(0, len(after) - window, window)]
        onset = next((i * 0.005 for i, level in enumerate(levels) if level > 0.02), None)
        assert onset is not None and onset < 0.2, f"{fmt}: sentence {index} starts {onset} s late"


def test_seed_article_is_not_silence(seed_tracks):
    _, samples, _ = seed_tracks["mp3"]
    assert rms(samples) > 0.03


def test_times_are_contiguous_from_zero(seed_tracks):
    for track, _, _ in seed_tracks.values():
        sentences = track.sentences
        assert sentences[0].start == 0.0
        assert all(s.end > s.start for s in sentences)
        assert all(a.end == b.start for a, b in pairwise(sentences))
        assert sentences[-1].end == track.duration


def test_offsets_point_into_the_original_text(seed_tracks, seed_text):
    track, _, _ = seed_tracks["mp3"]
    assert len(track.sentences) > 50
    previous_end = 0
    for sentence in track.sentences:
        assert seed_text[sentence.char_start:sentence.char_end] == sentence.text
        assert sentence.char_start >= previous_end
        previous_end = sentence.char_end
    covered = "".join(s.text for s in track.sentences)
    assert "".join(covered.split()) == "".join(seed_text.split())


def test_track_describes_its_format(seed_tracks):
    assert {fmt: track.mime_type for fmt, (track, _, _) in seed_tracks.items()} == {
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav",
    }
    assert seed_tracks["mp3"][0].audio[:2] == b"\xff\xf3"
    assert seed_tracks["ogg"][0].audio[:4] == b"OggS"
    assert seed_tracks["wav"][0].audio[:4] == b"RIFF"


def test_to_json(seed_tracks, seed_text):
    track, _, _ = seed_tracks["mp3"]
    timings = json.loads(track.to_json())
    assert timings["format"] == "mp3" and timings["voice"] == "vi-south-male" and timings["speed"] == 1.0
    assert abs(timings["duration"] - track.duration) < 0.001
    first = timings["sentences"][0]
    assert set(first) == {"start", "end", "text", "char_start", "char_end", "words"}
    assert first["text"] == seed_text[first["char_start"]:first["char_end"]]
    assert len(timings["sentences"]) == len(track.sentences)


def test_cached_sentences_are_not_synthesized_again():
    engine, cache = CountingEngine(), DictCache()
    first = speak(SHORT, engine=engine, cache=cache)
    assert len(engine.texts) == 3 and len(cache.data) == 3
    again = speak(SHORT, engine=engine, cache=cache)
    assert len(engine.texts) == 3
    assert again.audio == first.audio and again.sentences == first.sentences
    speak(SHORT.replace("ngân sách", "đầu tư công"), engine=engine, cache=cache)
    assert engine.texts[3:] == ["Đại biểu thảo luận về đầu tư công."]
    speak(SHORT, speed=1.5, engine=engine, cache=cache)
    assert len(engine.texts) == 7  # another speed is other audio


def test_cache_keys_cover_what_changes_the_audio():
    engine = get_engine()
    voice, mp3 = get_voice(), get_encoder("mp3", engine.sample_rate)
    key = chunk_key("xin chào", SENTENCE_PAUSE, voice, 1.0, engine, mp3)
    assert key != chunk_key("xin chào", SENTENCE_PAUSE, get_voice("vi-south-female"), 1.0, engine, mp3)
    assert key != chunk_key("xin chào", SENTENCE_PAUSE, voice, 1.1, engine, mp3)
    assert key != chunk_key("xin chào", PARAGRAPH_PAUSE, voice, 1.0, engine, mp3)
    assert key != chunk_key("xin chào", SENTENCE_PAUSE, voice, 1.0, engine, get_encoder("ogg", engine.sample_rate))
    assert key != chunk_key("xin chào.", SENTENCE_PAUSE, voice, 1.0, engine, mp3)
    assert key == chunk_key("xin chào", SENTENCE_PAUSE, voice, 1.0, engine, mp3)


@pytest.mark.parametrize("fmt", FORMATS)
def test_sentence_building_blocks_join_into_a_playable_file(fmt):
    engine, voice = get_engine(), get_voice("vi-north-female")
    encoder = get_encoder(fmt, engine.sample_rate)
    chunks = [sentence_audio(text, voice, 1.0, encoder) for text in ("Xin chào.", "Bản tin hôm nay.")]
    samples, rate = decode(encoder.join([chunk.data for chunk in chunks]))
    assert abs(len(samples) / rate - (sum(c.duration for c in chunks) - encoder.start_trim)) < 0.002
    assert rms(samples) > 0.03


def test_blank_spoken_text_is_a_short_silence():
    engine = get_engine()
    chunk = sentence_audio("", get_voice(), 1.0, get_encoder("wav", engine.sample_rate), pause=SENTENCE_PAUSE)
    samples = np.frombuffer(chunk.data, "<i2")
    assert abs(chunk.duration - SENTENCE_PAUSE) < 0.001 and not samples.any()


def test_empty_text_gives_an_empty_track():
    track = speak("  \n ", fmt="wav")
    assert track.sentences == [] and track.duration == 0.0


def test_pause_is_shorter_at_higher_speed():
    encoder = get_encoder("wav", 22050)
    slow = sentence_audio("", get_voice(), 0.5, encoder, pause=SENTENCE_PAUSE)
    fast = sentence_audio("", get_voice(), 2.0, encoder, pause=SENTENCE_PAUSE)
    assert abs(slow.duration - 4 * fast.duration) < 0.001


def test_pauses_follow_the_text_structure():
    text = "Tiêu đề\n\nCâu một. Câu hai, rất dài"
    heading, one, two = Sentence("Tiêu đề", 0, 7), Sentence("Câu một.", 9, 17), Sentence("Câu hai,", 18, 26)
    assert pause_after(text, heading, one) == PARAGRAPH_PAUSE
    assert pause_after(text, one, two) == SENTENCE_PAUSE
    assert pause_after(text, two, Sentence("rất dài", 27, 34)) == CLAUSE_PAUSE
    assert pause_after(text, Sentence("rất dài", 27, 34), None) == SENTENCE_PAUSE
    assert pause_after("«Xong.» Rồi", Sentence("«Xong.»", 0, 7), Sentence("Rồi", 8, 11)) == SENTENCE_PAUSE


def test_sentences_are_normalized_with_the_voice_region_and_lexicon():
    lexicon = {"HĐND": "Hội đồng nhân dân"}
    text = "HĐND tỉnh họp ngày 5/3. Có 31 đảng viên."
    for region in ("north", "south"):
        items = list(spoken_sentences(text, region, lexicon))
        assert [item.spoken for item in items] == [
            normalize(item.source.text, region=region, lexicon=lexicon).text for item in items
        ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_streaming_gives_the_first_sentence_at_once(seed_text, fmt):
    speak("Xin chào.", fmt=fmt)  # engine and codecs warm, as in a running portal
    pieces = iter_speech(seed_text, fmt=fmt)
    first = next(pieces)
    pieces.close()
    # the first piece is one sentence, not the article: the stream starts before the end
    samples, rate = decode(first)
    assert 1.0 < len(samples) / rate < 10 and rms(samples) > 0.02


def test_stream_cuts_a_long_first_sentence_at_a_clause(seed_text):
    longest = max(split_sentences(seed_text), key=lambda sentence: len(sentence.text)).text
    text = f"{longest}\n\nCâu tiếp theo."
    assert [item.source.text for item in spoken_sentences(text, "south")] == [longest, "Câu tiếp theo."]
    head, rest, last = (item.source for item in spoken_sentences(text, "south", quick_start=True))
    assert len(head.text) <= QUICK_START_CHARS < len(longest)
    for piece in (head, rest, last):
        assert text[piece.start:piece.end] == piece.text
    assert rest.end == len(longest) and head.end < rest.start
    samples, rate = decode(next(iter_speech(text)))
    assert len(samples) / rate < 10 < speak(longest).duration


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_file_matches_the_spoken_track(fmt):
    track = speak(SHORT, fmt=fmt)
    samples, rate = decode(b"".join(iter_speech(SHORT, fmt=fmt)))
    # eSpeak varies by a few samples run to run, which can move a frame boundary
    assert abs(len(samples) / rate - track.duration) < 0.1


def test_stream_uses_the_cache():
    engine, cache = CountingEngine(), DictCache()
    speak(SHORT, fmt="ogg", engine=engine, cache=cache)
    streamed = b"".join(iter_speech(SHORT, fmt="ogg", engine=engine, cache=cache))
    assert len(engine.texts) == 3
    assert abs(len(decode(streamed)[0]) / 48000 - speak(SHORT, fmt="ogg", cache=cache).duration) < 0.01


def test_bad_arguments_fail_before_streaming_starts():
    with pytest.raises(LookupError):
        iter_speech("Xin chào.", voice="vi-nowhere")
    with pytest.raises(ValueError):
        iter_speech("Xin chào.", speed=3.0)
    with pytest.raises(ValueError):
        iter_speech("Xin chào.", fmt="aac")


def test_write_track_writes_audio_and_timings(tmp_path):
    audio, timings = tmp_path / "tin.ogg", tmp_path / "tin.json"
    track = write_track(SHORT, audio, voice="vi-central-female", fmt="ogg", timings_path=timings)
    assert audio.read_bytes() == track.audio
    assert json.loads(timings.read_text(encoding="utf-8")) == json.loads(track.to_json())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tin.json", "tin.ogg"]
    umask = os.umask(0)
    os.umask(umask)
    assert audio.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_track_into_a_missing_directory_names_the_output(tmp_path):
    target = tmp_path / "missing" / "tin.mp3"
    with pytest.raises(FileNotFoundError) as caught:
        write_track("Xin chào.", target)
    assert caught.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_write_track_over_a_directory_leaves_nothing_behind(tmp_path):
    (tmp_path / "tin.mp3").mkdir()
    with pytest.raises(IsADirectoryError):
        write_track("Xin chào.", tmp_path / "tin.mp3")
    assert [p.name for p in tmp_path.iterdir()] == ["tin.mp3"]


def test_unwritable_timings_leave_no_audio_either(tmp_path):
    with pytest.raises(OSError):
        write_track("Xin chào.", tmp_path / "tin.mp3", timings_path=tmp_path / "missing" / "tin.json")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_file(tmp_path):
    audio = tmp_path / "tin.mp3"
    audio.write_bytes(b"previous")
    with pytest.raises(OSError):
        write_track("Xin chào.", audio, timings_path=tmp_path / "missing" / "tin.json")
    assert audio.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["tin.mp3"]
