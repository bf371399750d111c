"""Speech engines by name; every voice names the engine that speaks it, and `engine_for` binds one to it."""
from __future__ import annotations

from loa.speech.engines.base import Engine, EngineIdentity, EngineSpeech, SynthesisError, WordSpan
from loa.speech.voices import Voice

__all__ = ["Engine", "EngineIdentity", "EngineSpeech", "SynthesisError", "WordSpan", "engine_for", "fresh_engine", "identity_of"]


def engine_for(voice: Voice, threads: int | None = None) -> Engine:
    """The engine that speaks `voice` (a pack's model is loaded once per process and thread count);
    VoiceUnavailableError if it cannot. `threads`: a neural model's threads (default LOA_TTS_THREADS, or 1)."""
    if voice.engine == "piper":
        from loa.speech.engines.piper import piper_engine

        return piper_engine(voice, threads)
    if voice.engine == "kokoro":
        from loa.speech.engines.kokoro import kokoro_engine

        return kokoro_engine(voice, threads)
    if voice.engine == "espeak-ng":
        from loa.speech.engines.espeak import EspeakEngine

        return EspeakEngine(voice)
    raise ValueError(f"unknown speech engine: {voice.engine!r}")


def fresh_engine(voice: Voice) -> Engine:
    """A new engine for `voice`, not shared with the process's (to try a pack before it is installed)."""
    if voice.engine == "piper":
        from loa.speech.engines.piper import PiperEngine

        return PiperEngine(voice)
    if voice.engine == "kokoro":
        from loa.speech.engines.kokoro import KokoroEngine

        return KokoroEngine(voice)
    return engine_for(voice)


def identity_of(voice: Voice) -> EngineIdentity:
    """Name, version and sample rate of `voice`'s engine without loading a neural model (a web process need not)."""
    if voice.engine == "piper":
        from loa.speech.engines.piper import piper_identity

        return piper_identity(voice)
    if voice.engine == "kokoro":
        from loa.speech.engines.kokoro import kokoro_identity

        return kokoro_identity(voice)
    engine = engine_for(voice)
    return EngineIdentity(engine.name, engine.version, engine.sample_rate)
