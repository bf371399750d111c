"""The public face of the speech library, shaped like Piper's `PiperVoice`.

    voice = SpeechVoice.load("vi-south-male")  # or SpeechVoice.load("my-pack", folder=voices_folder)
    for sentence in voice.synthesize(text, SpeechOptions(format="mp3")):
        ...  # sentence.audio, sentence.start, sentence.end, sentence.char_start, ...
    track = voice.speak(text)  # the whole file and its timings

A `SpeechVoice` is a voice with its engine loaded; it is safe to share between
threads. Every method takes one `SpeechOptions`.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from loa.speech.encoders import Encoder, get_encoder
from loa.speech.engines import Engine, engine_for, identity_of
from loa.speech.files import write_files_atomically
from loa.speech.packs.registry import resolve_voice
from loa.speech.segment import split_sentences
from loa.speech.track import (
    ChunkCache,
    TimedSentence,
    Track,
    encode_sentences,
    spoken_sentences,
)
from loa.speech.voices import Voice, VoicesFolder, check_speed
from loa.speech.words import WordTiming, source_words


@dataclass(frozen=True)
class SpeechOptions:
    """How to read: speed (0.5-2.0), audio format (mp3, ogg, wav), the editors' lexicon
    (written form -> spoken form, applied first) and a sentence cache (`get`/`set`)."""

    speed: float = 1.0
    format: str = "mp3"
    lexicon: Mapping[str, str] | None = None
    cache: ChunkCache | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        check_speed(self.speed)
        get_encoder(self.format, 8000)  # an unknown format fails here, before any work


@dataclass(frozen=True)
class SentenceAudio:
    """One sentence as `SpeechVoice.synthesize` yields it, in reading order."""

    index: int
    text: str  # the sentence as written: source[char_start:char_end]
    spoken: str  # what the engine read (normalized)
    char_start: int
    char_end: int
    start: float  # seconds in the joined track
    end: float
    audio: bytes  # this sentence's encoded audio (frames of the chosen format)
    cached: bool  # True when it came from the cache rather than the engine
    words: tuple[WordTiming, ...] = ()  # in order, inside the sentence (times and source offsets)

    @property
    def timed(self) -> TimedSentence:
        return TimedSentence(self.start, self.end, self.text, self.char_start, self.char_end, self.words)


class SpeechVoice:
    """A loaded voice: `synthesize` (per sentence), `speak` (a Track), `stream` (bytes), `write` (files)."""

    def __init__(self, voice: Voice, engine: Engine) -> None:
        self.voice = voice
        self.engine = engine  # bound to `voice`: engine.speak(text, speed)

    @staticmethod
    def load(voice: Voice | str | None = None, folder: VoicesFolder = None, threads: int | None = None) -> SpeechVoice:
        """The voice (or voice id; None: the default voice) with its engine ready to speak.

        `folder` is the voices folder whose packs (and default-voice choice) count; without
        one only the built-in eSpeak NG voices exist. `threads` is how many cores a neural
        model may use (default: LOA_TTS_THREADS, else 1: a server's synthesis job keeps to one)."""
        resolved = resolve_voice(voice, folder)
        return SpeechVoice(resolved, engine_for(resolved, threads))

    def encoder(self, options: SpeechOptions) -> Encoder:
        return get_encoder(options.format, self.engine.sample_rate)

    def synthesize(self, text: str, options: SpeechOptions | None = None) -> Iterator[SentenceAudio]:
        """Yield every sentence's audio as soon as it is encoded, with its time and source span."""
        return self._synthesize(text, options or SpeechOptions(), quick_start=False)

    def speak(self, text: str, options: SpeechOptions | None = None) -> Track:
        """Read `text` into one file with every sentence's time and source offsets."""
        options = options or SpeechOptions()
        encoder = self.encoder(options)
        sentences = list(self._synthesize(text, options, quick_start=False, encoder=encoder))
        duration = sentences[-1].end if sentences else 0.0
        return Track(
            encoder.join(s.audio for s in sentences), encoder.fmt, encoder.mime_type, duration,
            [s.timed for s in sentences], self.voice.id, options.speed,
        )

    def stream(self, text: str, options: SpeechOptions | None = None) -> Iterator[bytes]:
        """The encoded file piece by piece, for streaming; a long first sentence is cut for a quick start."""
        options = options or SpeechOptions()
        encoder = self.encoder(options)
        sentences = self._synthesize(text, options, quick_start=True, encoder=encoder)
        return encoder.stream(s.audio for s in sentences)

    def write(
        self,
        text: str,
        output_path: str | os.PathLike[str],
        options: SpeechOptions | None = None,
        timings_path: str | os.PathLike[str] | None = None,
    ) -> Track:
        """Speak `text` into `output_path` (and its timings as JSON), leaving no partial file."""
        track = self.speak(text, options)
        files = [(Path(output_path), track.audio)]
        if timings_path is not None:
            files.append((Path(timings_path), track.to_json().encode("utf-8")))
        write_files_atomically(files)
        return track

    def _synthesize(
        self, text: str, options: SpeechOptions, quick_start: bool, encoder: Encoder | None = None
    ) -> Iterator[SentenceAudio]:
        encoder = encoder or self.encoder(options)
        items = spoken_sentences(text, self.voice.region, options.lexicon, quick_start=quick_start,
                                 language=self.voice.language)
        pairs = encode_sentences(items, self.voice, options.speed, self.engine, encoder, options.cache)
        # Players drop the encoder's start padding: the first sentence starts at 0.
        position = 0.0 - encoder.start_trim  # not -start_trim: that is -0.0 for 0.0
        for index, (item, chunk, cached) in enumerate(pairs):
            chunk_at = position + encoder.delay
            start = max(position, 0.0)
            position += chunk.duration
            end = max(position, 0.0)
            source = item.source
            words = source_words(chunk.words, item.normalized, source.start, chunk_at, (start, end))
            yield SentenceAudio(
                index, source.text, item.spoken, source.start, source.end,
                start, end, chunk.data, cached, words,
            )


def voice_signature(voice: Voice, options: SpeechOptions | None = None) -> str:
    """Everything besides the text that changes `voice`'s audio (narration keys), without loading a model."""
    options = options or SpeechOptions()
    engine = identity_of(voice)
    encoder = get_encoder(options.format, engine.sample_rate)
    return "|".join((voice.id, voice.engine_voice, engine.name, engine.version, encoder.settings, f"{options.speed:.2f}"))


def sentence_count(text: str) -> int:
    """How many sentences `SpeechVoice.synthesize` yields for `text`."""
    return len(split_sentences(text))
