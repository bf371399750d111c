"""The speech pipeline as a plain library (no Django): normalize -> segment -> synthesize -> encode.

The portal and the command line use only what this module exports:

    from loa.speech import SpeechOptions, SpeechVoice

    voice = SpeechVoice.load("vi-south-male")
    track = voice.speak("Kỳ họp thứ 25 khai mạc sáng nay.", SpeechOptions(format="mp3"))
"""
from loa.speech.encoders import FORMATS, EncodedChunk
from loa.speech.engines import SynthesisError
from loa.speech.normalize import Normalized, normalize
from loa.speech.track import ChunkCache, TimedSentence, Track, write_files_atomically
from loa.speech.voice import SentenceAudio, SpeechOptions, SpeechVoice, WordTiming
from loa.speech.voices import (
    DEFAULT_VOICE_ID,
    MAX_SPEED,
    MIN_SPEED,
    UnknownVoiceError,
    Voice,
    get_voice,
    list_voices,
)

__all__ = [
    "DEFAULT_VOICE_ID",
    "FORMATS",
    "MAX_SPEED",
    "MIN_SPEED",
    "ChunkCache",
    "EncodedChunk",
    "Normalized",
    "SentenceAudio",
    "SpeechOptions",
    "SpeechVoice",
    "SynthesisError",
    "TimedSentence",
    "Track",
    "UnknownVoiceError",
    "Voice",
    "WordTiming",
    "get_voice",
    "list_voices",
    "normalize",
    "write_files_atomically",
]
