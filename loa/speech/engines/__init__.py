"""Speech engines by name; every voice names the engine that speaks it."""
from __future__ import annotations

from loa.speech.engines.base import Engine, SynthesisError, synthesize_one
from loa.speech.voices import Voice

__all__ = ["Engine", "SynthesisError", "engine_for", "get_engine", "synthesize_one"]


def get_engine(name: str = "espeak-ng") -> Engine:
    if name == "espeak-ng":
        from loa.speech.engines.espeak import EspeakEngine

        return EspeakEngine()
    raise ValueError(f"unknown speech engine: {name!r}")


def engine_for(voice: Voice) -> Engine:
    return get_engine(voice.engine)
