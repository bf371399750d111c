"""Word timings from both engines: in order, inside their sentence, covering it, heard where they are said."""
import io

import av
import numpy as np
import pytest

from loa.speech import SpeechOptions, SpeechVoice, Track

PIPER_TEXT = (
    "Hoi dong nhan dan tinh hop ky thu 25 vao sang nay. Dai bieu thao luan ve ngan sach.\n\n"
    "Cac y kien deu tan thanh, chu toa ket luan va be mac ky hop luc 11 gio."
)


def decode(data: bytes) -> tuple[np.ndarray, int]:
    with av.open(io.BytesIO(data)) as container:
        frames = list(container.decode(audio=0))
    samples = np.concatenate([frame.to_ndarray().reshape(-1).astype(np.float64) for frame in frames])
    if frames[0].format.name.startswith("s16"):
        samples /= 32768
    return samples, frames[0].sample_rate


def window_rms(samples: np.ndarray, rate: int, start: float, end: float) -> float:
    part = samples[int(start * rate):int(end * rate)]
    return float(np.sqrt(np.mean(part**2))) if len(part) else 0.0


def last_sound(samples: np.ndarray, rate: int) -> float:
    frame = rate // 100
    loud = [i for i in range(0, len(samples) - frame, frame) if np.sqrt(np.mean(samples[i:i + frame] ** 2)) > 0.02]
    return (loud[-1] + frame) / rate


def check_words(track: Track, text: str) -> None:
    for sentence in track.sentences:
        assert sentence.words, sentence.text
        previous_char, previous_time = sentence.char_start, sentence.start
        for word in sentence.words:
            assert previous_char <= word.char_start < word.char_end <= sentence.char_end
            assert previous_time <= word.start <= word.end <= sentence.end + 1e-9
            assert text[word.char_start:word.char_end].strip() == text[word.char_start:word.char_end]
            previous_char, previous_time = word.char_end, word.end
        covered = set()
        for word in sentence.words:
            covered.update(range(word.char_start, word.char_end))
        missing = [i for i in range(sentence.char_start, sentence.char_end) if text[i].isalnum() and i not in covered]
        assert not missing, (sentence.text, [text[i] for i in missing])


def check_heard(track: Track, fmt: str, end_slack: float = 0.1) -> None:
    samples, rate = decode(track.audio)
    words = [w for s in track.sentences for w in s.words if w.end - w.start > 0.08]
    quiet = sum(window_rms(samples, rate, w.start, w.end) < 0.02 for w in words)
    assert quiet <= len(words) // 20, f"{quiet} of {len(words)} words are silent where the timings put them ({fmt})"
    for sentence in track.sentences[:-1]:  # after the last word: the pause
        gap_start = sentence.words[-1].end + 0.06
        if sentence.end - gap_start > 0.1:
            assert window_rms(samples, rate, gap_start, sentence.end) < 0.02, sentence.text
    # no drift: the last word ends where the sound does
    assert abs(last_sound(samples, rate) - track.sentences[-1].words[-1].end) < end_slack


@pytest.fixture(scope="module")
def espeak_tracks(seed_text):
    voice = SpeechVoice.load("vi-south-male")
    text = seed_text[:3000]
    return text, {fmt: voice.speak(text, SpeechOptions(format=fmt)) for fmt in ("mp3", "ogg", "wav")}


@pytest.mark.parametrize("fmt", ["mp3", "ogg", "wav"])
def test_espeak_words_are_valid_and_heard(espeak_tracks, fmt):
    text, tracks = espeak_tracks
    check_words(tracks[fmt], text)
    check_heard(tracks[fmt], fmt)


def test_espeak_words_are_the_same_in_every_format(espeak_tracks):
    _, tracks = espeak_tracks
    spans = {fmt: [(w.char_start, w.char_end) for s in t.sentences for w in s.words] for fmt, t in tracks.items()}
    assert spans["mp3"] == spans["ogg"] == spans["wav"]


def test_a_number_read_as_several_words_is_one_word():
    text = "Dân số là 53.082 người."
    track = SpeechVoice.load("vi-north-male").speak(text)
    words = [text[w.char_start:w.char_end] for w in track.sentences[0].words]
    assert words == ["Dân", "số", "là", "53.082", "người"]


@pytest.fixture(scope="module")
def piper_track(joe):
    return SpeechVoice.load(joe).speak(PIPER_TEXT, SpeechOptions(format="mp3"))


def test_piper_words_are_valid_and_heard(piper_track):
    check_words(piper_track, PIPER_TEXT)
    # Piper samples noise (VITS noise_scale), so a voice's last breath varies by some tens of ms from run to run.
    check_heard(piper_track, "mp3", end_slack=0.15)


def test_cached_sentences_keep_their_words(joe):
    class Cache(dict):
        def set(self, key, value):
            self[key] = value

    cache = Cache()
    voice = SpeechVoice.load(joe)
    first = voice.speak("Xin chao cac ban.", SpeechOptions(cache=cache))
    again = list(voice.synthesize("Xin chao cac ban.", SpeechOptions(cache=cache)))
    assert again[0].cached and again[0].words == first.sentences[0].words


KOKORO_TEXT = "Hội đồng nhân dân tỉnh họp kỳ thứ 25. Đại biểu thảo luận về ngân sách."


@pytest.fixture(scope="module")
def kokoro_track(kokoro):
    return SpeechVoice.load(kokoro).speak(KOKORO_TEXT, SpeechOptions(format="mp3"))


def test_kokoro_words_are_valid_and_heard(kokoro_track):
    check_words(kokoro_track, KOKORO_TEXT)
    words = [KOKORO_TEXT[w.char_start:w.char_end] for s in kokoro_track.sentences for w in s.words]
    assert words == KOKORO_TEXT.replace(".", "").split()
    check_heard(kokoro_track, "mp3", end_slack=0.1)  # the last word ends within 100 ms of the decoded sound
