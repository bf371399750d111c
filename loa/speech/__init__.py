"""The speech pipeline as a plain library (no Django): normalize -> segment -> synthesize -> encode.

The portal and the command line use only what this module exports:

    from loa.speech import SpeechOptions, SpeechVoice

    voice = SpeechVoice.load("vi-south-male")
    track = voice.speak("Kỳ họp thứ 25 khai mạc sáng nay.", SpeechOptions(format="mp3"))

Voices are the six built-in eSpeak NG voices plus the neural voice packs installed in
the voices folder (`$LOA_DATA_DIR/voices`, or the `folder` argument of the registry
functions): `list_voices`, `get_voice`, `install_voice`, `remove_voice`.
"""
from loa.speech.encoders import FORMATS, EncodedChunk
from loa.speech.engines import SynthesisError
from loa.speech.files import write_files_atomically
from loa.speech.normalize import Normalized, normalize
from loa.speech.registry import default_voice_id, find_voice, get_voice, list_voices, offered_voices, ranked
from loa.speech.track import ChunkCache, TimedSentence, Track
from loa.speech.voice import SentenceAudio, SpeechOptions, SpeechVoice, sentence_count, voice_signature
from loa.speech.voiceinstall import CatalogueVoice, catalogue, install_voice, remove_voice, try_speaking
from loa.speech.voicepacks import PackError, Preferences, read_preferences, verified_model, write_preferences
from loa.speech.voices import (
    DEFAULT_VOICE_ID,
    ENGLISH_VOICE_ID,
    ENGLISH_VOICES,
    MAX_SPEED,
    MIN_SPEED,
    UnknownVoiceError,
    Voice,
    VoiceUnavailableError,
    voices_dir,
)
from loa.speech.words import WordTiming

__all__ = [
    "DEFAULT_VOICE_ID",
    "ENGLISH_VOICE_ID",
    "ENGLISH_VOICES",
    "FORMATS",
    "MAX_SPEED",
    "MIN_SPEED",
    "CatalogueVoice",
    "ChunkCache",
    "EncodedChunk",
    "Normalized",
    "PackError",
    "Preferences",
    "SentenceAudio",
    "SpeechOptions",
    "SpeechVoice",
    "SynthesisError",
    "TimedSentence",
    "Track",
    "UnknownVoiceError",
    "Voice",
    "VoiceUnavailableError",
    "WordTiming",
    "catalogue",
    "default_voice_id",
    "find_voice",
    "get_voice",
    "install_voice",
    "list_voices",
    "normalize",
    "offered_voices",
    "ranked",
    "read_preferences",
    "remove_voice",
    "sentence_count",
    "try_speaking",
    "verified_model",
    "voice_signature",
    "voices_dir",
    "write_files_atomically",
    "write_preferences",
]
