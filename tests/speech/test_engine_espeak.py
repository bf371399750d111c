import subprocess
import sys
import textwrap
import threading
from dataclasses import replace

import numpy as np
import pytest

from loa.speech.engines import Engine, SynthesisError, engine_for
from loa.speech.engines.espeak import RATE_AT_SPEED_1, EspeakEngine, espeak_rate
from loa.speech.packs.registry import get_voice, list_voices

SENTENCE = "Hội đồng nhân dân tỉnh đã họp phiên thường kỳ để bàn về ngân sách năm nay."


@pytest.fixture(scope="module")
def engine() -> Engine:
    return engine_for(get_voice())


def synthesize_one(engine: Engine, text: str, voice, speed: float = 1.0) -> np.ndarray:
    """`voice` reading `text` on eSpeak NG (the shared library of `engine`)."""
    return EspeakEngine(voice).speak(text, speed).pcm


def rms(pcm: np.ndarray) -> float:
    return float(np.sqrt(np.mean(pcm.astype(np.float64) ** 2))) if len(pcm) else 0.0


def median_pitch(pcm: np.ndarray, sample_rate: int) -> float:
    """Median F0 in Hz over voiced 40 ms windows, by autocorrelation."""
    samples = pcm.astype(np.float64)
    width = int(0.04 * sample_rate)
    shortest, longest = int(sample_rate / 400), int(sample_rate / 60)
    pitches = []
    for start in range(0, len(samples) - width, width):
        window = samples[start:start + width]
        if rms(window) < 500:
            continue
        window = window - window.mean()
        correlation = np.correlate(window, window, "full")[width - 1:]
        pitches.append(sample_rate / (shortest + int(np.argmax(correlation[shortest:longest]))))
    return float(np.median(pitches))


def test_engine_describes_itself(engine):
    assert isinstance(engine, Engine)
    assert engine.name == "espeak-ng"
    assert engine.sample_rate == 22050
    assert engine.version.startswith("1.")
    assert f"rate{RATE_AT_SPEED_1}" in engine.version


def test_one_chunk_of_speech_per_text(engine):
    texts = ["Xin chào.", SENTENCE, "Một hai ba."]
    chunks = [engine.speak(text).pcm for text in texts]
    assert len(chunks) == 3
    for chunk in chunks:
        assert chunk.dtype == np.int16 and chunk.ndim == 1
        assert rms(chunk) > 1000
    # the long sentence (20 syllables) lasts several seconds, the short ones about a second
    seconds = [len(chunk) / engine.sample_rate for chunk in chunks]
    assert 3.0 < seconds[1] < 8.0
    assert seconds[0] < 1.5 and seconds[2] < 1.5


def test_news_pace_at_speed_one(engine):
    pcm = synthesize_one(engine, SENTENCE, get_voice())
    syllables_per_second = len(SENTENCE.split()) / (len(pcm) / engine.sample_rate)
    assert 3.5 < syllables_per_second < 6.5


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_blank_text_gives_an_empty_chunk(engine, text):
    assert len(synthesize_one(engine, text, get_voice())) == 0


def test_nul_does_not_cut_the_text_short(engine):
    whole = synthesize_one(engine, "Xin chào các bạn thân mến", get_voice())
    with_nul = synthesize_one(engine, "Xin chào\0các bạn thân mến", get_voice())
    assert abs(len(with_nul) - len(whole)) < 0.25 * len(whole)


@pytest.mark.parametrize("region", ["north", "central", "south"])
def test_female_voices_are_pitched_well_above_male_ones(engine, region):
    female = synthesize_one(engine, SENTENCE, get_voice(f"vi-{region}-female"))
    male = synthesize_one(engine, SENTENCE, get_voice(f"vi-{region}-male"))
    female_pitch = median_pitch(female, engine.sample_rate)
    male_pitch = median_pitch(male, engine.sample_rate)
    assert male_pitch < 130 < 140 < female_pitch, (female_pitch, male_pitch)


def test_regions_sound_different(engine):
    north, south = (synthesize_one(engine, SENTENCE, get_voice(f"vi-{r}-male")) for r in ("north", "south"))
    assert abs(len(north) - len(south)) > 0.02 * len(north)


def test_speed_changes_duration(engine):
    voice = get_voice()
    slow, normal, fast = (len(synthesize_one(engine, SENTENCE, voice, speed)) for speed in (0.5, 1.0, 2.0))
    assert 1.6 < slow / normal < 2.4
    assert 1.6 < normal / fast < 2.4
    assert espeak_rate(0.5) == 80 and espeak_rate(2.0) == 320


@pytest.mark.parametrize("speed", [0.4, 2.1])
def test_speed_out_of_range_is_refused(engine, speed):
    with pytest.raises(ValueError):
        engine.speak("Xin chào.", speed)


def test_unknown_variant_raises_instead_of_speaking_another_voice(engine):
    voice = replace(get_voice(), engine_voice="vi+nonexistent")
    with pytest.raises(SynthesisError, match="nonexistent"):
        synthesize_one(engine, "Xin chào.", voice)
    assert rms(synthesize_one(engine, "Xin chào.", get_voice())) > 1000  # and the engine still works


def test_unknown_language_raises(engine):
    voice = replace(get_voice(), engine_voice="xx-nowhere")
    with pytest.raises(SynthesisError, match="xx-nowhere"):
        synthesize_one(engine, "Xin chào.", voice)


def test_voice_of_another_engine_is_refused(engine):
    with pytest.raises(ValueError, match="engine"):
        EspeakEngine(replace(get_voice(), engine="piper"))


def test_bad_data_path_raises_a_clear_error():
    # In a child process: eSpeak's state is process-wide.
    code = textwrap.dedent(
        """
        import espeakng_loader
        from loa.speech.engines.espeak import _Library
        from loa.speech.engines.base import SynthesisError
        try:
            _Library(espeakng_loader.get_library_path(), "/nonexistent/espeak-ng-data")
        except SynthesisError as exc:
            print("raised:", exc)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "raised:" in result.stdout and "/nonexistent/espeak-ng-data" in result.stdout


def test_safe_from_several_threads(engine):
    voices = list_voices()
    expected = {voice.id: len(synthesize_one(engine, SENTENCE, voice)) for voice in voices}
    results: list[tuple[str, np.ndarray]] = []
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(12):
                voice = voices[(offset + i) % len(voices)]
                results.append((voice.id, synthesize_one(engine, SENTENCE, voice)))
        except BaseException as exc:  # noqa: BLE001  reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 48
    for voice_id, pcm in results:
        # eSpeak varies a few samples run to run; a mixed-up voice or torn buffer is far off
        assert abs(len(pcm) - expected[voice_id]) < 0.01 * expected[voice_id], voice_id
        pitch = median_pitch(pcm, engine.sample_rate)
        assert (pitch > 140) if voice_id.endswith("female") else (pitch < 130), (voice_id, pitch)


def resident_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_thousands_of_syntheses_do_not_leak(engine):
    voices = list_voices()
    for i in range(200):  # warm up every voice and allocator pool
        synthesize_one(engine, f"Bản tin số {i}.", voices[i % 6])
    before = resident_kib()
    for i in range(2000):
        pcm = synthesize_one(engine, f"Bản tin số {i}.", voices[i % 6], (1.0, 1.5, 0.75)[i % 3])
        assert len(pcm)
    growth = resident_kib() - before
    assert growth < 4096, f"RSS grew by {growth} KiB over 2,000 syntheses"
