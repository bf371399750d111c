"""The Kokoro engine with the real Kokoro-82M int8 model (from PyPI): install, loading, synthesis,
words, streaming, speed, threads, and packs that are corrupt or do not match their model.

Vietnamese phonemes through a model whose voices were trained on other languages do not sound
Vietnamese; these tests are about the engine, not the accent."""
import io
import json
import shutil
import threading
from itertools import pairwise
from pathlib import Path

import av
import numpy as np
import pytest

from loa.speech import SpeechOptions, SpeechVoice, VoiceUnavailableError, voice_signature
from loa.speech.engines import engine_for
from loa.speech.engines.kokoro import MAX_TOKENS, kokoro_engine
from loa.speech.packs import get_voice, list_voices
from loa.speech.packs.store import MANIFEST, STYLE_FILE, file_sha256

TEXT = "Hội đồng nhân dân tỉnh họp kỳ thứ hai mươi lăm."


def rms(pcm: np.ndarray) -> float:
    return float(np.sqrt(np.mean(pcm.astype(np.float64) ** 2))) if len(pcm) else 0.0


def test_installed_pack_reports_token_durations(kokoro):
    import onnxruntime

    manifest = json.loads((Path(kokoro.folder) / MANIFEST).read_text())
    assert manifest["engine"] == "kokoro" and manifest["sample_rate"] == 24000
    assert manifest["style_sha256"] == file_sha256(Path(kokoro.folder) / STYLE_FILE)
    assert manifest["sha256"] != manifest["source_sha256"]  # the durations output was added on install
    session = onnxruntime.InferenceSession(str(Path(kokoro.folder) / "model.onnx"), providers=["CPUExecutionProvider"])
    assert len(session.get_outputs()) == 2


def test_one_loaded_model_per_pack_per_process(kokoro):
    assert engine_for(kokoro) is engine_for(kokoro) is kokoro_engine(kokoro)
    engine = engine_for(kokoro)
    assert engine.name == "kokoro" and engine.sample_rate == 24000
    assert kokoro.sha256 in engine.version
    assert engine.version in voice_signature(kokoro)  # the same identity, with or without the model loaded


def test_speaks_a_sentence_with_its_words(kokoro):
    speech = engine_for(kokoro).speak(TEXT)
    assert speech.pcm.dtype == np.int16 and rms(speech.pcm) > 500
    assert 1.5 < len(speech.pcm) / 24000 < 8
    assert [TEXT[w.text_start:w.text_end] for w in speech.words] == TEXT.rstrip(".").split()
    samples = [(w.sample_start, w.sample_end) for w in speech.words]
    assert all(a < b for a, b in samples) and all(b1 <= a2 for (_, b1), (a2, _) in pairwise(samples))
    assert samples[-1][1] <= len(speech.pcm)
    for start, end in samples:  # every word is heard where it is said to be
        assert rms(speech.pcm[start:end]) > 300


def test_blank_text_is_silence_and_speed_changes_the_length(kokoro):
    engine = engine_for(kokoro)
    assert len(engine.speak("  ").pcm) == 0
    normal = len(engine.speak(TEXT, 1.0).pcm)
    fast = len(engine.speak(TEXT, 1.5).pcm)
    assert 0.55 < fast / normal < 0.85


def test_a_long_sentence_is_read_in_several_model_calls(kokoro):
    engine = engine_for(kokoro)
    text = " ".join(["nhân dân"] * 70)
    assert len(engine._tokens(text)[0]) > MAX_TOKENS  # past the model's 510: more than one call
    speech = engine.speak(text)
    assert len(speech.words) == 140
    ends = [w.sample_end for w in speech.words]
    assert ends == sorted(ends) and ends[-1] <= len(speech.pcm)


def decode(data: bytes) -> np.ndarray:
    with av.open(io.BytesIO(data)) as container:
        return np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])


def test_speech_voice_streams_what_it_speaks(kokoro):
    voice = SpeechVoice.load(kokoro.id, folder=Path(kokoro.folder).parent)
    text = "Xin chào. Đại biểu thảo luận về ngân sách."
    track = voice.speak(text, SpeechOptions(format="ogg"))
    pieces = list(voice.stream(text, SpeechOptions(format="ogg")))
    assert len(pieces) >= 2  # sentence by sentence, not the whole file at the end
    assert abs(len(decode(b"".join(pieces))) - len(decode(track.audio))) < 0.02 * len(decode(track.audio))
    assert [len(s.words) for s in track.sentences] == [2, 7]


def test_safe_from_several_threads(kokoro):
    engine = engine_for(kokoro)
    results, errors = [], []

    def work() -> None:
        try:
            for _ in range(2):
                results.append(engine.speak("Xin chào các bạn."))
        except BaseException as exc:  # noqa: BLE001  reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 6
    assert len({len(r.pcm) for r in results}) == 1  # Kokoro is deterministic: a torn run would differ
    assert all(len(r.words) == 4 for r in results)


def copy_pack(kokoro, folder: Path, voice_id: str) -> Path:
    shutil.copytree(kokoro.folder, folder / voice_id)
    manifest = json.loads((folder / voice_id / MANIFEST).read_text())
    manifest["id"] = voice_id
    (folder / voice_id / MANIFEST).write_text(json.dumps(manifest))
    return folder / voice_id


def rehash(pack: Path, key: str, file: str) -> None:
    """A pack made by hand, wrongly: its manifest says the (bad) file is the right one."""
    manifest = json.loads((pack / MANIFEST).read_text())
    manifest[key] = file_sha256(pack / file)
    manifest.pop("model_size", None)
    (pack / MANIFEST).write_text(json.dumps(manifest))


def test_corrupt_and_mismatched_packs_are_unavailable_with_their_reason(kokoro, joe, tmp_path):
    damaged = copy_pack(kokoro, tmp_path, "kokoro-damaged")
    with open(damaged / "model.onnx", "r+b") as model:
        model.seek(1000)
        model.write(b"\0" * 64)
    changed_style = copy_pack(kokoro, tmp_path, "kokoro-style-changed")
    np.save(changed_style / STYLE_FILE, np.zeros((510, 1, 256), np.float32))
    narrow = copy_pack(kokoro, tmp_path, "kokoro-narrow-style")
    np.save(narrow / STYLE_FILE, np.ones((510, 128), np.float32))
    rehash(narrow, "style_sha256", STYLE_FILE)
    not_kokoro = copy_pack(kokoro, tmp_path, "kokoro-piper-model")
    shutil.copy(Path(joe.folder) / "model.onnx", not_kokoro / "model.onnx")
    rehash(not_kokoro, "sha256", "model.onnx")
    no_vocab = copy_pack(kokoro, tmp_path, "kokoro-no-vocab")
    (no_vocab / "model.onnx.json").write_text(json.dumps({"sample_rate": 24000}))

    voices = {voice.id: voice for voice in list_voices(tmp_path)}
    assert "vectơ giọng" in voices["kokoro-style-changed"].error
    assert "Kokoro" in voices["kokoro-no-vocab"].error and "vocab" in voices["kokoro-no-vocab"].error
    reasons = {
        "kokoro-damaged": "sha256 không khớp",
        "kokoro-narrow-style": "vectơ giọng rộng 128, mô hình cần 256",
        "kokoro-piper-model": "không phải mô hình Kokoro",
        "kokoro-style-changed": "vectơ giọng",
    }
    for voice_id, reason in reasons.items():
        with pytest.raises(VoiceUnavailableError, match=reason):
            SpeechVoice.load(voice_id, folder=tmp_path)
    # the others keep working
    assert len(engine_for(get_voice(kokoro.id, Path(kokoro.folder).parent)).speak("Xin chào.").pcm) > 0
    assert SpeechVoice.load("vi-south-male", folder=tmp_path).speak("Xin chào.").duration > 0.3


def test_threads_reach_the_model(kokoro, monkeypatch):
    monkeypatch.delenv("LOA_TTS_THREADS", raising=False)
    one = SpeechVoice.load(kokoro).engine
    two = SpeechVoice.load(kokoro, threads=2).engine
    assert one is not two
    assert one._model.session.get_session_options().intra_op_num_threads == 1
    assert two._model.session.get_session_options().intra_op_num_threads == 2
    assert len(one.speak("Xin chào.").pcm) == len(two.speak("Xin chào.").pcm)
