"""The Piper engine with the real joe model: loading, synthesis, words, threads, faults, memory."""
import json
import shutil
import sys
import threading
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from loa.speech import SpeechOptions, SpeechVoice, SynthesisError, VoiceUnavailableError
from loa.speech.encoders import get_encoder
from loa.speech.engines import engine_for
from loa.speech.engines.piper import piper_engine
from loa.speech.packs import get_voice
from loa.speech.packs.store import MANIFEST
from loa.speech.track import chunk_key

TEXT = "Hoi dong nhan dan tinh hop ky thu hai muoi lam."


def rms(pcm: np.ndarray) -> float:
    return float(np.sqrt(np.mean(pcm.astype(np.float64) ** 2))) if len(pcm) else 0.0


def test_one_loaded_model_per_voice_per_process(joe):
    assert engine_for(joe) is engine_for(joe) is piper_engine(joe)
    engine = engine_for(joe)
    assert engine.name == "piper" and engine.sample_rate == 22050
    assert joe.sha256 in engine.version  # a changed model changes every cache key


def test_speaks_a_sentence_with_its_words(joe):
    speech = engine_for(joe).speak(TEXT)
    assert speech.pcm.dtype == np.int16 and rms(speech.pcm) > 1000
    assert 1.5 < len(speech.pcm) / 22050 < 6
    words = [TEXT[w.text_start:w.text_end] for w in speech.words]
    assert words == TEXT.rstrip(".").split()
    samples = [(w.sample_start, w.sample_end) for w in speech.words]
    assert all(a < b for a, b in samples) and all(b1 <= a2 for (_, b1), (a2, _) in pairwise(samples))
    assert samples[-1][1] <= len(speech.pcm)
    for start, end in samples:  # every word is heard where it is said to be
        assert rms(speech.pcm[start:end]) > 500


def test_blank_text_is_silence(joe):
    assert len(engine_for(joe).speak("  ").pcm) == 0


def test_speed_changes_the_length(joe):
    engine = engine_for(joe)
    normal = len(engine.speak(TEXT, 1.0).pcm)
    fast = len(engine.speak(TEXT, 1.5).pcm)
    assert 0.55 < fast / normal < 0.8


def test_cache_keys_change_with_the_model(joe, tmp_path):
    engine = engine_for(joe)
    encoder = get_encoder("mp3", engine.sample_rate)
    other = type("E", (), {"name": engine.name, "version": engine.version.replace(joe.sha256, "0" * 64)})()
    assert chunk_key("a", 0.35, joe, 1.0, engine, encoder) != chunk_key("a", 0.35, joe, 1.0, other, encoder)


def test_safe_from_several_threads(joe):
    engine = engine_for(joe)
    results, errors = [], []

    def work() -> None:
        try:
            for _ in range(3):
                results.append(engine.speak("Xin chao cac ban."))
        except BaseException as exc:  # noqa: BLE001  reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 9
    lengths = [len(r.pcm) for r in results]
    assert max(lengths) < 1.3 * min(lengths)  # the model's noise varies it a little, a torn run would not
    assert all(len(r.words) == 4 for r in results)


def copy_pack(joe, folder: Path, voice_id: str) -> Path:
    shutil.copytree(joe.folder, folder / voice_id)
    manifest = json.loads((folder / voice_id / MANIFEST).read_text())
    manifest["id"] = voice_id
    (folder / voice_id / MANIFEST).write_text(json.dumps(manifest))
    return folder / voice_id


def test_a_phoneme_numbered_past_the_models_table_fails_that_sentence_only(joe, tmp_path):
    """A misconfigured model crashes on some sentences: a clear SynthesisError, and the voice goes on."""
    pack = copy_pack(joe, tmp_path, "joe-broken")
    config = json.loads((pack / "model.onnx.json").read_text())
    config["num_symbols"] = 1000
    config["phoneme_id_map"]["ʒ"] = [999]
    (pack / "model.onnx.json").write_text(json.dumps(config))
    voice = get_voice("joe-broken", tmp_path)
    engine = engine_for(voice)
    assert len(engine.speak("Xin chao cac ban.").pcm) > 0
    with pytest.raises(SynthesisError, match="joe-broken") as caught:
        engine.speak("Vision and measure.")
    assert "\n" not in str(caught.value)


def test_phonemes_the_model_does_not_know_are_dropped_not_crashed_on(joe, tmp_path):
    pack = copy_pack(joe, tmp_path, "joe-old-table")
    config = json.loads((pack / "model.onnx.json").read_text())
    config["phoneme_id_map"]["ʒ"] = [300]  # past the model's 256 symbols, as in older Vietnamese models
    (pack / "model.onnx.json").write_text(json.dumps(config))
    voice = get_voice("joe-old-table", tmp_path)
    assert len(engine_for(voice).speak("Vision and measure.").pcm) > 0


def test_a_model_that_does_not_load_is_unavailable(joe, tmp_path):
    pack = copy_pack(joe, tmp_path, "joe-garbage")
    size = (pack / "model.onnx").stat().st_size
    (pack / "model.onnx").write_bytes(b"\x01" * size)
    manifest = json.loads((pack / MANIFEST).read_text())
    import hashlib

    manifest["sha256"] = hashlib.sha256(b"\x01" * size).hexdigest()  # a pack made by hand, wrongly
    (pack / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(VoiceUnavailableError, match="không tải được mô hình"):
        engine_for(get_voice("joe-garbage", tmp_path))


def resident_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_memory_stays_bounded_over_many_syntheses(joe):
    """ONNX Runtime's arena grows to the longest input seen, then stays (bench/speech.py --rss: 2,000 texts)."""
    engine = engine_for(joe)
    texts = [f"Ban tin {word}." for word in ("mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam")]
    for i in range(40):
        engine.speak(texts[i % 8])
    before = resident_kib()
    for i in range(160):
        assert len(engine.speak(texts[i % 8]).pcm)
    growth = resident_kib() - before
    assert growth < 4096, f"RSS grew by {growth} KiB over 160 syntheses"


def test_speech_voice_reads_text_into_every_format(joe):
    voice = SpeechVoice.load(joe)
    for fmt in ("mp3", "ogg", "wav"):
        track = voice.speak("Xin chao. Dai bieu thao luan.", SpeechOptions(format=fmt))
        assert len(track.sentences) == 2 and track.voice == joe.id
        assert all(s.words for s in track.sentences)


def test_threads_reach_the_model_and_the_server_default_is_one(joe, monkeypatch):
    monkeypatch.delenv("LOA_TTS_THREADS", raising=False)
    one = SpeechVoice.load(joe).engine
    two = SpeechVoice.load(joe, threads=2).engine
    assert one is not two and SpeechVoice.load(joe, threads=2).engine is two
    assert one._piper.session.get_session_options().intra_op_num_threads == 1
    assert two._piper.session.get_session_options().intra_op_num_threads == 2
    offsets = [[(w.text_start, w.text_end) for w in engine.speak(TEXT).words] for engine in (one, two)]
    assert offsets[0] == offsets[1]  # the same words (Piper's sampled noise moves their times a little)
