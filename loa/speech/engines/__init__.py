"""Speech engines by name; every voice names the engine that speaks it."""
from __future__ import annotations

from loa.speech.engines.base import Engine, EngineSpeech, SynthesisError, WordSpan, speak_one, synthesize_one
from loa.speech.voices import Voice

__all__ = ["Engine", "EngineSpeech", "SynthesisError", "WordSpan", "engine_for", "get_engine", "speak_one",
           "synthesize_one"]


def get_engine(name: str = "espeak-ng") -> Engine:
    if name == "espeak-ng":
        from loa.speech.engines.espeak import EspeakEngine

        return EspeakEngine()
    raise ValueError(f"unknown speech engine: {name!r}")


def engine_for(voice: Voice) -> Engine:
    """The engine that speaks `voice` (a pack's model is loaded once per process); VoiceUnavailableError if it cannot."""
    if voice.engine == "piper":
        from loa.speech.engines.piper import piper_engine

        return piper_engine(voice)
    return get_engine(voice.engine)
