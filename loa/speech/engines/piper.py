"""Neural voices: Piper models (VITS, ONNX) on `piper-tts` and ONNX Runtime, on the CPU.

One loaded model per voice pack per process, shared by every thread (ONNX Runtime
sessions are safe to run from several threads; piper-tts guards its eSpeak NG
phonemizer with a lock). `LOA_TTS_THREADS` (default 1) caps the threads one
synthesis uses in the portal, so making audio never takes every core from the web
server; the command line asks for every core (`loa speak --threads`).

Word timings come from the model: a model with its phoneme-duration output
(patched in on install, or in memory here) says how many samples each phoneme
lasts; alignment.py maps phonemes to words.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import numpy as np

from loa.speech.engines.alignment import align_words, words_of
from loa.speech.engines.base import EngineIdentity, EngineSpeech, SynthesisError, WordSpan, silence
from loa.speech.packs.store import PackError, config_path, read_config, verified_model
from loa.speech.voices import Voice, VoiceUnavailableError, check_speed

BOS, EOS, PAD = "^", "$", "_"
# Bump when the way words are placed changes (cached sentences carry their word times).
ALIGNMENT_VERSION = "1"
MAX_WAV_VALUE = 32767.0


def engine_version(voice: Voice) -> str:
    """What the engine of this pack reports as its version, known without loading the model."""
    return f"piper-tts {package_version('piper-tts')}/{voice.sha256}/words{ALIGNMENT_VERSION}"


def pack_sample_rate(voice: Voice) -> int:
    try:
        return int(read_config(config_path(voice))["audio"]["sample_rate"])
    except PackError as exc:
        raise VoiceUnavailableError(voice, str(exc)) from None


def piper_identity(voice: Voice) -> EngineIdentity:
    return EngineIdentity("piper", engine_version(voice), pack_sample_rate(voice))


def tts_threads() -> int:
    try:
        return max(1, int(os.environ.get("LOA_TTS_THREADS", "1")))
    except ValueError:
        return 1


def add_alignment_output(model: Any) -> None:
    """Mark the model's phoneme-duration tensor (its only Ceil) as an output: raises ValueError if absent."""
    from piper.patch_voice_with_alignment import add_alignment_output as patch

    patch(model)


def session_for(model: Path | bytes, threads: int) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    source = str(model) if isinstance(model, Path) else model
    return onnxruntime.InferenceSession(source, sess_options=options, providers=["CPUExecutionProvider"])


def load_session(model: Path, threads: int, add_output: Callable[[Any], Any] | None = None) -> tuple[Any, bool]:
    """The model's session and whether it reports its durations (phonemes for Piper, tokens for Kokoro),
    patched in memory with `add_output` (default: Piper's) when the file lacks that output."""
    session = session_for(model, threads)
    if len(session.get_outputs()) > 1:
        return session, True
    import onnx

    proto = onnx.load(str(model))
    try:
        (add_output or add_alignment_output)(proto)
    except ValueError:
        return session, False  # no durations in this export: words are placed by their share of the input
    return session_for(proto.SerializeToString(), threads), True


class PiperEngine:
    """One voice pack's model, ready to speak."""

    name = "piper"

    def __init__(self, voice: Voice, threads: int | None = None) -> None:
        from piper import PiperVoice
        from piper.config import PiperConfig

        model = verified_model(voice)
        try:
            config = read_config(config_path(voice))
            session, self.aligned = load_session(model, threads or tts_threads())
            self._piper = PiperVoice(session=session, config=PiperConfig.from_dict(config))
        except VoiceUnavailableError:
            raise
        except Exception as exc:
            raise VoiceUnavailableError(voice, f"không tải được mô hình: {_one_line(exc)}") from exc
        self.voice = voice
        self.sample_rate: int = self._piper.config.sample_rate
        self.version = engine_version(voice)
        self._symbols = int(config["num_symbols"])

    def speak(self, text: str, speed: float = 1.0) -> EngineSpeech:
        length_scale = self._piper.config.length_scale / check_speed(speed)
        return self._speak(text, length_scale) if text.strip() else silence()

    def _speak(self, text: str, length_scale: float) -> EngineSpeech:
        from piper.config import SynthesisConfig

        try:
            sentences = [self._usable(phonemes) for phonemes in self._piper.phonemize(text)]
            syn_config = SynthesisConfig(length_scale=length_scale)
            pieces: list[np.ndarray] = []
            phonemes: list[str] = []
            samples: list[int] = []
            for sentence in sentences:
                if not sentence:
                    continue
                audio, per_phoneme = self._sentence(sentence, syn_config)
                pieces.append(audio)
                phonemes += [BOS, *sentence, EOS]
                samples += per_phoneme
            words = words_of(text)
            spans = self._place_words(text, words, phonemes, samples)
        except Exception as exc:
            raise SynthesisError(f"Piper ({self.voice.id}) failed while reading {_preview(text)}: {_one_line(exc)}") from exc
        pcm = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)
        return EngineSpeech(pcm, spans)

    def _usable(self, phonemes: list[str]) -> list[str]:
        """Phonemes the model knows: a newer eSpeak NG emits symbols (e.g. Vietnamese tone digits)
        that older models' id maps lack or number past the model's table, which would crash it."""
        id_map = self._piper.config.phoneme_id_map
        return [p for p in phonemes if p in id_map and all(0 <= i < self._symbols for i in id_map[p])]

    def _sentence(self, phonemes: list[str], syn_config: Any) -> tuple[np.ndarray, list[int]]:
        """One of Piper's sentences: int16 audio and the samples of BOS, each phoneme, EOS."""
        ids = self._piper.phonemes_to_ids(phonemes)
        result = self._piper.phoneme_ids_to_audio(ids, syn_config, include_alignments=self.aligned)
        audio, id_samples = result if isinstance(result, tuple) else (result, None)
        peak = float(np.max(np.abs(audio))) if len(audio) else 0.0
        audio = audio / peak if peak > 1e-8 else np.zeros_like(audio)  # as piper-tts: peak-normalized
        pcm = np.clip(audio * MAX_WAV_VALUE, -MAX_WAV_VALUE, MAX_WAV_VALUE).astype(np.int16)
        return pcm, self._phoneme_samples(phonemes, ids, id_samples, len(pcm))

    def _phoneme_samples(self, phonemes: list[str], ids: list[int], id_samples: Any, total: int) -> list[int]:
        id_map = self._piper.config.phoneme_id_map
        pad = len(id_map.get(PAD, []))
        widths = [len(id_map[BOS]) + pad, *(len(id_map[p]) + pad for p in phonemes), len(id_map[EOS])]
        if id_samples is not None and len(id_samples) == len(ids) == sum(widths):
            counts, at = [], 0
            for width in widths:
                counts.append(int(np.sum(id_samples[at:at + width])))
                at += width
            counts[-1] += total - sum(counts)  # the vocoder's last frame: keep the total exact
            return counts
        # No durations from this model: spread the audio over the phonemes (an estimate).
        share = [total * (k + 1) // len(widths) - total * k // len(widths) for k in range(len(widths))]
        return share

    def _place_words(
        self, text: str, words: list[tuple[int, int]], phonemes: list[str], samples: list[int]
    ) -> tuple[WordSpan, ...]:
        if not words or not phonemes:
            return ()
        alone = [[p for sentence in self._piper.phonemize(text[a:b]) for p in self._usable(sentence)] for a, b in words]
        return align_words(words, alone, phonemes, samples)


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 300 else message[:297] + "..."


def _preview(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


_engines: dict[tuple[str, str, int], PiperEngine] = {}
_engines_lock = threading.Lock()
_loading: dict[tuple[str, str, int], threading.Lock] = {}


def piper_engine(voice: Voice, threads: int | None = None) -> PiperEngine:
    """The process's engine for this pack and thread count (loaded on first use; a changed model loads anew)."""
    key = (voice.folder, voice.sha256, threads or tts_threads())
    with _engines_lock:
        if key in _engines:
            return _engines[key]
        lock = _loading.setdefault(key, threading.Lock())
    with lock:  # one thread loads; the others wait for it instead of loading the model again
        with _engines_lock:
            if key in _engines:
                return _engines[key]
        engine = PiperEngine(voice, key[2])
        with _engines_lock:
            for old in [k for k in _engines if k[0] == voice.folder and k[1] != voice.sha256]:
                del _engines[old]  # the previous version of this pack's model
            _engines[key] = engine
        return engine


def forget_engines(folder: str | None = None) -> None:
    """Drop loaded models (all, or one pack's): after a pack is removed or replaced."""
    with _engines_lock:
        for key in [k for k in _engines if folder is None or k[0] == folder]:
            del _engines[key]
