"""The key of an article's audio in one voice: it changes exactly when that audio would sound different."""
from __future__ import annotations

import hashlib
from functools import cache

from loa.speech import SpeechOptions, SpeechVoice, get_voice

from . import conf

# Bump when the way a track is put together (script rules, pauses) changes.
KEY_VERSION = "1"
AUDIO_FORMAT = "mp3"
SPEED = 1.0  # tracks are made at normal speed; the player changes the playback rate


def default_voice_id() -> str:
    return conf.get("READALOUD_DEFAULT_VOICE") or get_voice(None).id


@cache
def synthesis_signature(voice_id: str) -> str:
    """Engine, its version and the encoder settings for a voice (loads the engine once per process)."""
    return SpeechVoice.load(voice_id).signature(SpeechOptions(speed=SPEED, format=AUDIO_FORMAT))


def narration_key(text_hash: str, lexicon_hash: str, voice_id: str) -> str:
    parts = (KEY_VERSION, text_hash, lexicon_hash, synthesis_signature(voice_id))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
