"""The key of an article's audio in one voice: it changes exactly when that audio would sound different."""
from __future__ import annotations

import hashlib
from functools import cache

from loa.speech import SpeechOptions, voice_signature

from . import voices

# Bump when the way a track is put together (script rules, pauses) changes.
KEY_VERSION = "2"  # 2: sentences carry their words
AUDIO_FORMAT = "mp3"
SPEED = 1.0  # tracks are made at normal speed; the player changes the playback rate


def default_voice_id() -> str:
    return voices.default_voice_id()


def synthesis_signature(voice_id: str) -> str:
    """Engine, its version (a pack's model sha256) and the encoder settings of a voice."""
    found = voices.voice(voice_id)
    return _signature(found.id, found.folder, found.sha256)


@cache
def _signature(voice_id: str, folder: str, sha256: str) -> str:
    return voice_signature(voices.voice(voice_id), SpeechOptions(speed=SPEED, format=AUDIO_FORMAT))


def narration_key(text_hash: str, lexicon_hash: str, voice_id: str) -> str:
    parts = (KEY_VERSION, text_hash, lexicon_hash, synthesis_signature(voice_id))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
