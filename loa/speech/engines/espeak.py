"""eSpeak NG through ctypes, on the library and data that the `espeakng-loader` wheel ships."""
from __future__ import annotations

import ctypes
import threading
from pathlib import Path

import espeakng_loader
import numpy as np

from loa.speech.engines.base import EngineSpeech, SynthesisError, WordSpan, silence, trim_trailing_silence
from loa.speech.voices import Voice, check_speed

# From espeak-ng's speak_lib.h.
AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_DONT_EXIT = 0x8000  # report a bad data path instead of calling exit()
CHARS_UTF8 = 1
POS_CHARACTER = 1
PARAM_RATE = 1
RATE_MIN, RATE_MAX = 80, 450
STATUS_NAMES = {-1: "EE_INTERNAL_ERROR", 1: "EE_BUFFER_FULL", 2: "EE_NOT_FOUND"}

# Words per minute at speed 1.0: eSpeak's default of 175 is hurried for Vietnamese
# news; 160 reads the seed article in about 16 minutes (~5 syllables a second).
RATE_AT_SPEED_1 = 160
CALLBACK_MS = 1000  # audio handed to the callback per call; fewer calls, less GIL traffic

# espeak_EVENT types: the list ends with LIST_TERMINATED; WORD starts a word; END ends a clause.
EVENT_LIST_TERMINATED, EVENT_WORD, EVENT_END, EVENT_MSG_TERMINATED = 0, 1, 5, 6


class _Event(ctypes.Structure):
    """espeak_EVENT from speak_lib.h (positions: characters from 1; `sample`: samples from the start)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_void_p),
    ]


_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


def espeak_rate(speed: float) -> int:
    return min(RATE_MAX, max(RATE_MIN, round(RATE_AT_SPEED_1 * check_speed(speed))))


class _Library:
    """The eSpeak NG instance of this process.

    eSpeak keeps its state in globals and is not re-entrant: every call goes
    through `synthesize`, which holds the lock for the whole of one text.
    """

    def __init__(self, library_path: str, data_path: str) -> None:
        self.data_path = Path(data_path)
        self._lock = threading.Lock()
        self._lib = lib = ctypes.CDLL(library_path)
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        self.sample_rate = lib.espeak_Initialize(
            AUDIO_OUTPUT_SYNCHRONOUS, CALLBACK_MS, str(self.data_path).encode(), INITIALIZE_DONT_EXIT
        )
        if self.sample_rate <= 0:
            raise SynthesisError(f"eSpeak NG could not start with the data in {self.data_path}")
        self.version = lib.espeak_Info(None).decode("ascii")
        self._samples = bytearray()
        self._events: list[tuple[int, int, int, int]] = []  # (type, text position, length, sample)
        self._callback_error: BaseException | None = None
        # eSpeak keeps a bare pointer to the callback: this reference keeps it alive.
        self._callback = _SynthCallback(self._collect)
        lib.espeak_SetSynthCallback(self._callback)
        self._voice: str | None = None
        self._rate: int | None = None

    def _collect(self, wav: ctypes.c_void_p, count: int, events: ctypes._Pointer[_Event]) -> int:
        try:
            if count > 0:
                self._samples += ctypes.string_at(wav, count * 2)
            index = 0
            while events and (event := events[index]).type != EVENT_LIST_TERMINATED:
                if event.type in (EVENT_WORD, EVENT_END, EVENT_MSG_TERMINATED):
                    self._events.append((event.type, event.text_position, event.length, event.sample))
                index += 1
            return 0
        except BaseException as exc:  # noqa: BLE001  an exception cannot cross into C: stop eSpeak, re-raise later
            self._callback_error = exc
            return 1

    def synthesize(self, text: str, engine_voice: str, rate: int) -> EngineSpeech:
        data = text.replace("\0", " ").encode("utf-8")
        with self._lock:
            self._select(engine_voice, rate)
            self._samples, self._events, self._callback_error = bytearray(), [], None
            status = self._lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
            samples, events, error = self._samples, self._events, self._callback_error
            self._samples, self._events, self._callback_error = bytearray(), [], None
        if error is not None:
            raise SynthesisError(f"eSpeak NG failed while reading {_preview(text)}: {error!r}") from error
        if status != 0:
            raise SynthesisError(
                f"eSpeak NG failed to read {_preview(text)}: {STATUS_NAMES.get(status, status)}"
            )
        pcm = np.frombuffer(samples, dtype=np.int16)
        return EngineSpeech(pcm, word_spans(events, len(text), pcm, self.sample_rate))

    def _select(self, engine_voice: str, rate: int) -> None:
        if engine_voice != self._voice:
            self._check_variant(engine_voice)
            self._voice = None
            status = self._lib.espeak_SetVoiceByName(engine_voice.encode("ascii"))
            if status != 0:
                raise SynthesisError(
                    f"eSpeak NG has no voice {engine_voice!r} ({STATUS_NAMES.get(status, status)})"
                )
            self._voice, self._rate = engine_voice, None
        if rate != self._rate:
            status = self._lib.espeak_SetParameter(PARAM_RATE, rate, 0)
            if status != 0:
                raise SynthesisError(f"eSpeak NG refused rate {rate} ({STATUS_NAMES.get(status, status)})")
            self._rate = rate

    def _check_variant(self, engine_voice: str) -> None:
        # eSpeak silently ignores an unknown "+variant" and would speak in the base voice.
        _, _, variant = engine_voice.partition("+")
        if variant and not (self.data_path / "voices" / "!v" / variant).is_file():
            raise SynthesisError(f"eSpeak NG has no voice variant {variant!r} (in {engine_voice!r})")


def word_spans(
    events: list[tuple[int, int, int, int]], text_length: int, pcm: np.ndarray, sample_rate: int
) -> tuple[WordSpan, ...]:
    """Words from eSpeak's events: a word lasts until the next word or clause end, less trailing silence."""
    words: list[WordSpan] = []
    starts = [(position - 1, length, sample) for kind, position, length, sample in events if kind == EVENT_WORD]
    boundaries = sorted({sample for _, _, _, sample in events} | {len(pcm)})
    for text_start, length, sample in starts:
        text_start = min(max(text_start, 0), text_length)
        text_end = min(text_start + max(length, 0), text_length)
        if text_end <= text_start or (words and text_start < words[-1].text_end):
            continue
        sample = min(max(sample, words[-1].sample_end if words else 0), len(pcm))
        following = next((b for b in boundaries if b > sample), len(pcm))
        end = trim_trailing_silence(pcm, sample, following, sample_rate)
        words.append(WordSpan(text_start, text_end, sample, max(end, sample)))
    return tuple(words)


def _preview(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


_library: _Library | None = None
_library_lock = threading.Lock()


def _shared_library() -> _Library:
    global _library
    with _library_lock:
        if _library is None:
            _library = _Library(espeakng_loader.get_library_path(), espeakng_loader.get_data_path())
        return _library


class EspeakEngine:
    """eSpeak NG reading one of its voices: formant synthesis, 22,050 Hz, about 1,000 times faster than real time."""

    name = "espeak-ng"

    def __init__(self, voice: Voice) -> None:
        if voice.engine != self.name:
            raise ValueError(f"voice {voice.id!r} belongs to engine {voice.engine!r}, not {self.name!r}")
        self.voice = voice
        self._library = _shared_library()
        self.sample_rate: int = self._library.sample_rate
        # The rate table is ours, not eSpeak's: a new one must invalidate cached audio.
        self.version = f"{self._library.version}/rate{RATE_AT_SPEED_1}"

    def speak(self, text: str, speed: float = 1.0) -> EngineSpeech:
        rate = espeak_rate(speed)
        if not text.strip():
            return silence()
        return self._library.synthesize(text, self.voice.engine_voice, rate)
