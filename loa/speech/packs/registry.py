"""Every voice: the six built-in eSpeak NG voices merged with the packs installed in a voices folder.

`folder` is the voices folder the caller keeps its packs in (the portal's, the command
line's); without one only the built-in voices exist. `get_voice(None)` is the default
voice: the administrator's choice (kept in the voices folder) when it is installed and
usable, else `vi-south-male`.
"""
from __future__ import annotations

from loa.speech.packs.store import Preferences, installed_voices, read_preferences
from loa.speech.voices import (
    DEFAULT_VOICE_ID,
    ENGLISH_VOICES,
    REGIONS,
    VOICES,
    UnknownVoiceError,
    Voice,
    VoicesFolder,
    voices_dir,
)

_BUILTIN = {voice.id: voice for voice in (*VOICES, *ENGLISH_VOICES)}
REGION_ORDER = {region: index for index, region in enumerate(REGIONS)}


def _installed(folder: VoicesFolder) -> list[Voice]:
    root = voices_dir(folder)
    return installed_voices(root) if root is not None else []


def preferences_of(folder: VoicesFolder) -> Preferences:
    root = voices_dir(folder)
    return read_preferences(root) if root is not None else Preferences()


def list_voices(folder: VoicesFolder = None) -> list[Voice]:
    """The built-in voices, then the installed packs (usable or not) by id."""
    return [*VOICES, *_installed(folder)]


def find_voice(voice_id: str, folder: VoicesFolder = None) -> Voice | None:
    if voice_id in _BUILTIN:
        return _BUILTIN[voice_id]
    return next((voice for voice in _installed(folder) if voice.id == voice_id), None)


def default_voice_id(folder: VoicesFolder = None) -> str:
    chosen = preferences_of(folder).default
    if chosen and chosen != DEFAULT_VOICE_ID:
        voice = find_voice(chosen, folder)
        if voice is not None and voice.available:
            return chosen
    return DEFAULT_VOICE_ID


def get_voice(voice_id: str | None = None, folder: VoicesFolder = None) -> Voice:
    """The voice with this id, or the default voice for None; UnknownVoiceError lists the valid ids."""
    voice = find_voice(default_voice_id(folder) if voice_id is None else voice_id, folder)
    if voice is None:
        raise UnknownVoiceError(str(voice_id), [v.id for v in list_voices(folder)])
    return voice


def resolve_voice(voice: Voice | str | None, folder: VoicesFolder = None) -> Voice:
    """Accept a Voice, a voice id or None (the default voice)."""
    return voice if isinstance(voice, Voice) else get_voice(voice, folder)


def ranked(voices: list[Voice]) -> list[Voice]:
    """North, central, south; in each region the neural voices first, then eSpeak NG's."""
    order = {voice.id: index for index, voice in enumerate(voices)}
    return sorted(voices, key=lambda v: (REGION_ORDER[v.region], not v.neural, order[v.id]))


def offered_voices(folder: VoicesFolder = None) -> list[Voice]:
    """The usable voices the player offers, best first in each region (every usable voice unless chosen)."""
    voices = [voice for voice in list_voices(folder) if voice.available]
    chosen = preferences_of(folder).offered
    if chosen is not None:
        voices = [voice for voice in voices if voice.id in chosen or voice.id == default_voice_id(folder)]
    return ranked(voices)
