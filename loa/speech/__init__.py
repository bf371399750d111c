"""The speech pipeline as a plain library (no Django): normalize -> segment -> synthesize -> encode.

Synthesis is this module's whole face (as Piper's `PiperVoice`):

    from loa.speech import SpeechOptions, SpeechVoice

    voice = SpeechVoice.load("vi-south-male")
    track = voice.speak("Kỳ họp thứ 25 khai mạc sáng nay.", SpeechOptions(format="mp3"))

Voices are the six built-in eSpeak NG voices plus the neural voice packs installed in a
voices folder the caller names (`SpeechVoice.load("my-pack", folder=...)`). Managing
those packs (install, remove, the catalogue, the administrator's choices) is
`loa.speech.packs`.
"""
from loa.speech.encoders import FORMATS, EncodedChunk
from loa.speech.engines import SynthesisError
from loa.speech.files import write_files_atomically
from loa.speech.normalize import Normalized, normalize
from loa.speech.review import Guess, find_guesses
from loa.speech.track import ChunkCache, TimedSentence, Track
from loa.speech.voice import SentenceAudio, SpeechOptions, SpeechVoice, sentence_count, voice_signature
from loa.speech.voices import MAX_SPEED, MIN_SPEED, UnknownVoiceError, Voice, VoiceUnavailableError
from loa.speech.words import WordTiming

__all__ = [
    "FORMATS",
    "Guess",
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
    "VoiceUnavailableError",
    "WordTiming",
    "find_guesses",
    "normalize",
    "sentence_count",
    "voice_signature",
    "write_files_atomically",
]
