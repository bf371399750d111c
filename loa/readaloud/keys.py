"""The key of an article's audio in one voice: it changes exactly when that audio would sound different."""
from __future__ import annotations

import hashlib
from functools import cache

from django.conf import settings

from loa.speech.encoders import get_encoder
from loa.speech.engines import engine_for
from loa.speech.voices import Voice, get_voice

# Bump when the way a track is put together (script rules, pauses) changes.
KEY_VERSION = "1"
AUDIO_FORMAT = "mp3"
SPEED = 1.0  # tracks are made at normal speed; the player changes the playback rate


def default_voice_id() -> str:
    return getattr(settings, "READALOUD_DEFAULT_VOICE", None) or get_voice(None).id


@cache
def synthesis_signature(voice_id: str) -> str:
    """Engine, its version and the encoder settings for a voice (loads the engine once per process)."""
    voice: Voice = get_voice(voice_id)
    engine = engine_for(voice)
    encoder = get_encoder(AUDIO_FORMAT, engine.sample_rate)
    return "|".join((voice.id, voice.engine_voice, engine.name, engine.version, encoder.settings, f"{SPEED:.2f}"))


def narration_key(text_hash: str, lexicon_hash: str, voice_id: str) -> str:
    parts = (KEY_VERSION, text_hash, lexicon_hash, synthesis_signature(voice_id))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
