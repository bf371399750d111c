"""Kokoro voices (StyleTTS2 with an iSTFTNet vocoder, ONNX) on ONNX Runtime, on the CPU.

A Kokoro pack is the model, the phoneme vocabulary (its config: one id per phoneme
character) and one voice's style vectors (a 256-wide vector per input length).
Vietnamese text (already normalized by Loa) becomes phonemes in Kokoro's alphabet
through `vig2p`, word by word, so every token is known to belong to one word.

The model's duration predictor says how many frames each token lasts (exposed as
an extra output on install, or in memory here, as for Piper), so a word's time is
the sum of its tokens' frames. One ONNX Runtime session per model file per process,
shared by every pack that uses it and by every thread.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import numpy as np

from loa.speech.engines.base import (
    EngineIdentity,
    EngineSpeech,
    SynthesisError,
    WordSpan,
    silence,
    trim_trailing_silence,
)
from loa.speech.engines.piper import load_session, tts_threads
from loa.speech.packs.store import (
    PackError,
    config_path,
    file_sha256,
    read_kokoro_config,
    read_style,
    style_path,
    verified_model,
)
from loa.speech.voices import Voice, VoiceUnavailableError, check_speed

# Bump when the way words are placed changes (cached sentences carry their word times).
ALIGNMENT_VERSION = "1"
MAX_TOKENS = 510  # the model's context is 512 tokens with the two pads
TOKEN_INPUTS = ("tokens", "input_ids")  # kokoro-onnx's export, onnx-community's
LEAD_KEPT = 0.08  # seconds of the leading pad's silence kept before the first word
MAX_WAV_VALUE = 32767.0


def kokoro_identity(voice: Voice) -> EngineIdentity:
    """Name, version (model, style vectors, phonemizer) and sample rate, without loading the model."""
    try:
        rate = int(read_kokoro_config(config_path(voice))["sample_rate"])
        style = file_sha256(style_path(voice))
    except (PackError, OSError) as exc:
        raise VoiceUnavailableError(voice, str(exc)) from None
    version = f"kokoro/{voice.sha256}/{style[:16]}/vig2p {package_version('vig2p')}/words{ALIGNMENT_VERSION}"
    return EngineIdentity("kokoro", version, rate)


def durations_output(model: Any) -> str:
    """The name of the duration predictor's integer frames per token (Round -> Clip -> Cast);
    ValueError if the graph has no such chain."""
    consumers: dict[str, list[Any]] = {}
    for node in model.graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    rounds = [node for node in model.graph.node if node.op_type == "Round"]
    for node in rounds:
        clip = [n for n in consumers.get(node.output[0], []) if n.op_type in ("Clip", "Max")]
        casts = [n for c in clip for n in consumers.get(c.output[0], []) if n.op_type == "Cast"]
        if len(rounds) == 1 and len(casts) == 1:
            return str(casts[0].output[0])
    raise ValueError("no token-duration tensor (Round -> Clip -> Cast) in this model")


def add_durations_output(model: Any) -> bool:
    """Mark the token durations as a model output; False if they already are one. ValueError if absent."""
    from onnx import TensorProto, helper

    name = durations_output(model)
    if any(output.name == name for output in model.graph.output):
        return False
    model.graph.output.append(helper.make_tensor_value_info(name, TensorProto.INT64, None))
    return True



@dataclass(frozen=True)
class _Model:
    session: Any
    timed: bool  # reports token durations
    tokens_input: str
    style_width: int


_models: dict[tuple[str, int], _Model] = {}
_models_lock = threading.Lock()


def shared_model(voice: Voice, path: Path, threads: int) -> _Model:
    """One session per model file (by its sha256) and thread count, for every pack that uses it."""
    key = (voice.sha256, threads)
    with _models_lock:
        if key not in _models:
            session, timed = load_session(path, threads, add_durations_output)
            names = {item.name: item for item in session.get_inputs()}
            tokens = next((name for name in TOKEN_INPUTS if name in names), None)
            if tokens is None or "style" not in names or "speed" not in names:
                raise ValueError(f"không phải mô hình Kokoro (đầu vào: {', '.join(names)}; cần tokens, style, speed)")
            width = names["style"].shape[-1]
            _models[key] = _Model(session, timed, tokens, int(width) if isinstance(width, int) else 256)
        return _models[key]


class _Phonemizer:
    """vig2p's Vietnamese phonemes, word by word (cached), guarded by a lock."""

    def __init__(self) -> None:
        from vig2p import core

        self._core = core
        self._backend = core.create_backend()
        self._lock = threading.Lock()
        self._words: dict[str, str] = {}

    def word(self, word: str) -> str:
        with self._lock:
            if word not in self._words:
                raw = self._backend.run(word)
                text = raw[0] if isinstance(raw, tuple) else str(raw)
                if len(self._words) > 50_000:
                    self._words.clear()
                self._words[word] = self._core.fix_phonemes(text, source_text=word)
            return self._words[word]

    def pieces(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, phonemes, is a word) for every piece of `text`, in order, covering it."""
        pieces: list[tuple[int, int, str, bool]] = []
        at = 0
        for token in self._core.tokenize_text(text):
            start, at = at, at + len(token)
            if token.isspace():
                pieces.append((start, at, " ", False))
            elif self._core.WORD_RE.match(token):
                pieces.append((start, at, self.word(token.lower()), True))
            else:
                pieces.append((start, at, self._core.fix_phonemes(token), False))
        return pieces


_phonemizer: _Phonemizer | None = None
_phonemizer_lock = threading.Lock()


def phonemizer() -> _Phonemizer:
    global _phonemizer
    with _phonemizer_lock:
        if _phonemizer is None:
            _phonemizer = _Phonemizer()
        return _phonemizer


class KokoroEngine:
    """One Kokoro pack (model, vocabulary, style vectors), ready to speak."""

    name = "kokoro"

    def __init__(self, voice: Voice, threads: int | None = None) -> None:
        path = verified_model(voice)
        try:
            config = read_kokoro_config(config_path(voice))
            self._style = read_style(style_path(voice))
            self._model = shared_model(voice, path, threads or tts_threads())
            if self._style.shape[1] != self._model.style_width:
                raise PackError(f"vectơ giọng rộng {self._style.shape[1]}, mô hình cần {self._model.style_width}")
            self._phonemes = phonemizer()
        except PackError as exc:
            raise VoiceUnavailableError(voice, str(exc)) from None
        except Exception as exc:
            raise VoiceUnavailableError(voice, f"không tải được mô hình: {_one_line(exc)}") from exc
        self.voice = voice
        self._vocab: dict[str, int] = config["vocab"]
        self.sample_rate: int = int(config["sample_rate"])
        self.version = kokoro_identity(voice).version

    def speak(self, text: str, speed: float = 1.0) -> EngineSpeech:
        speed = check_speed(speed)
        if not text.strip():
            return silence()
        try:
            tokens, owners, words = self._tokens(text)
            pieces: list[np.ndarray] = []
            spans: list[WordSpan] = []
            offset = 0
            for start, end in _batches(owners, MAX_TOKENS):
                pcm, bounds = self._run(tokens[start:end], owners[start:end], speed)
                for word, (first, last) in sorted(bounds.items()):
                    spans.append(WordSpan(words[word][0], words[word][1], offset + first, offset + last))
                pieces.append(pcm)
                offset += len(pcm)
        except Exception as exc:
            raise SynthesisError(f"Kokoro ({self.voice.id}) failed while reading {_preview(text)}: {_one_line(exc)}") from exc
        pcm = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)
        return EngineSpeech(pcm, tuple(spans))

    def _tokens(self, text: str) -> tuple[list[int], list[int], list[tuple[int, int]]]:
        """The model's token ids, each token's word (-1: between words) and every word's span in `text`."""
        tokens: list[int] = []
        owners: list[int] = []
        words: list[tuple[int, int]] = []
        pieces = self._phonemes.pieces(text)
        while pieces and not pieces[-1][2].strip():
            pieces.pop()
        while pieces and not pieces[0][2].strip():
            pieces.pop(0)
        for start, end, phonemes, is_word in pieces:
            ids = [self._vocab[c] for c in phonemes if c in self._vocab]
            if is_word and ids:
                words.append((start, end))
            owner = len(words) - 1 if is_word and ids else -1
            tokens += ids
            owners += [owner] * len(ids)
        return tokens, owners, words

    def _run(self, tokens: list[int], owners: list[int], speed: float) -> tuple[np.ndarray, dict[int, tuple[int, int]]]:
        """One model call: int16 audio and each word's (first, last) sample in it."""
        model = self._model
        style = self._style[min(len(tokens), len(self._style)) - 1].reshape(1, -1)
        outputs = model.session.run(None, {
            model.tokens_input: np.array([[0, *tokens, 0]], dtype=np.int64),
            "style": style.astype(np.float32),
            "speed": np.array([speed], dtype=np.float32),
        })
        audio = np.asarray(outputs[0], dtype=np.float32).reshape(-1)
        pcm = np.clip(audio * MAX_WAV_VALUE, -MAX_WAV_VALUE, MAX_WAV_VALUE).astype(np.int16)
        samples = self._token_samples(outputs, len(tokens), len(pcm))
        starts = np.concatenate([[0], np.cumsum(samples)])
        # The leading pad lasts a third of a second of near silence: keep only a breath of it.
        cut = max(0, int(starts[1]) - int(LEAD_KEPT * self.sample_rate))
        pcm, starts = pcm[cut:], np.maximum(starts - cut, 0)
        bounds: dict[int, tuple[int, int]] = {}
        for index, owner in enumerate(owners):
            if owner >= 0:
                first = bounds.get(owner, (int(starts[index + 1]), 0))[0]
                bounds[owner] = (first, int(starts[index + 2]))
        for owner, (first, last) in bounds.items():
            bounds[owner] = (first, trim_trailing_silence(pcm, first, min(last, len(pcm)), self.sample_rate))
        return pcm, bounds

    def _token_samples(self, outputs: list[Any], count: int, total: int) -> list[int]:
        """Samples of the leading pad, each token and the trailing pad (summing to `total`)."""
        if self._model.timed and len(outputs) > 1:
            frames = np.asarray(outputs[1]).reshape(-1)
            if len(frames) == count + 2 and frames.sum() > 0:
                hop = total / float(frames.sum())  # 600 samples a frame at 24 kHz
                edges = np.round(np.cumsum(frames) * hop).astype(np.int64)
                return [int(b - a) for a, b in zip(np.concatenate([[0], edges[:-1]]), edges, strict=True)]
        # No durations from this model: spread the audio over the tokens (an estimate).
        parts = count + 2
        return [total * (k + 1) // parts - total * k // parts for k in range(parts)]


def _batches(owners: list[int], limit: int) -> list[tuple[int, int]]:
    """Token ranges of at most `limit`, cut between words where possible."""
    ranges: list[tuple[int, int]] = []
    start = 0
    while len(owners) - start > limit:
        end = start + limit
        cut = next((i for i in range(end, start, -1) if owners[i - 1] != owners[i] or owners[i] == -1), end)
        ranges.append((start, cut))
        start = cut
    if start < len(owners):
        ranges.append((start, len(owners)))
    return ranges


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= 300 else message[:297] + "..."


def _preview(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


_engines: dict[tuple[str, str, str, int], KokoroEngine] = {}
_engines_lock = threading.Lock()


def kokoro_engine(voice: Voice, threads: int | None = None) -> KokoroEngine:
    """The process's engine for this pack and thread count (loaded on first use; a changed model or style loads anew)."""
    key = (voice.folder, voice.sha256, _style_stamp(voice), threads or tts_threads())
    with _engines_lock:
        if key not in _engines:
            engine = KokoroEngine(voice, key[3])
            for old in [k for k in _engines if k[0] == voice.folder and k[1:3] != key[1:3]]:
                del _engines[old]
            _engines[key] = engine
        return _engines[key]


def _style_stamp(voice: Voice) -> str:
    try:
        stat = style_path(voice).stat()
    except OSError:
        return ""
    return hashlib.sha256(f"{stat.st_size}/{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def forget_engines(folder: str | None = None) -> None:
    """Drop loaded packs (all, or one pack's): after a pack is removed or replaced."""
    with _engines_lock:
        for key in [k for k in _engines if folder is None or k[0] == folder]:
            del _engines[key]
