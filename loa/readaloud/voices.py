"""The portal's voices: the speech library's registry on the portal's voices folder, and the admin's choices."""
from __future__ import annotations

from pathlib import Path

from django.conf import settings

from loa.speech import (
    DEFAULT_VOICE_ID,
    ENGLISH_VOICE_ID,
    ENGLISH_VOICES,
    Preferences,
    Voice,
    VoiceUnavailableError,
    find_voice,
    get_voice,
    list_voices,
    offered_voices,
    read_preferences,
    verified_model,
    write_preferences,
)

from . import conf


def voices_folder() -> Path:
    return Path(conf.get("READALOUD_VOICES_DIR") or Path(settings.LOA_DATA_DIR) / "voices")


def all_voices() -> list[Voice]:
    return list_voices(voices_folder())


def voice(voice_id: str) -> Voice:
    """The voice with this id; UnknownVoiceError (listing the valid ids) if there is none."""
    return get_voice(voice_id, voices_folder())


def player_voices(language: str = "vi") -> list[Voice]:
    """What the player offers: the usable voices the administrator chose, best first in each region;
    for an English page, the English voices (a Vietnamese voice would normalize and mangle English)."""
    if language == "en":
        return [voice for voice in (*ENGLISH_VOICES, *offered_voices(voices_folder()))
                if voice.language == "en" and not problem(voice)]
    return [voice for voice in offered_voices(voices_folder()) if voice.language == "vi" and not problem(voice)]


def page_language(page) -> str:
    """The language a page is read in: its locale's ("vi" for anything without one)."""
    locale = getattr(page, "locale", None)
    code = getattr(locale, "language_code", "vi") if locale is not None else "vi"
    return "en" if code.startswith("en") else "vi"


def voice_for(page) -> str:
    """The default voice of this page: the site's default, or the English voice for an English page."""
    if page is not None and page_language(page) == "en":
        return conf.get("READALOUD_ENGLISH_VOICE") or ENGLISH_VOICE_ID
    return default_voice_id()


def preferences() -> Preferences:
    return read_preferences(voices_folder())


def save_preferences(default: str | None, offered: list[str] | None) -> None:
    write_preferences(voices_folder(), Preferences(default, tuple(offered) if offered is not None else None))


def default_voice_id() -> str:
    """The administrator's default voice (if usable), else READALOUD_DEFAULT_VOICE, else vi-south-male."""
    chosen = preferences().default
    if chosen:
        found = find_voice(chosen, voices_folder())
        if found is not None and found.available:
            return chosen
    return conf.get("READALOUD_DEFAULT_VOICE") or DEFAULT_VOICE_ID


def problem(found: Voice) -> str:
    """Why this voice cannot speak now ("" if it can): missing or changed model files."""
    if found.builtin:
        return ""
    try:
        verified_model(found)
    except VoiceUnavailableError as exc:
        return exc.reason
    return ""
