"""The portal's voices: the speech library's registry on the portal's voices folder, and the admin's choices."""
from __future__ import annotations

from pathlib import Path

from django.conf import settings

from loa.speech import Voice
from loa.speech.packs import (
    DEFAULT_VOICE_ID,
    ENGLISH_VOICE_ID,
    ENGLISH_VOICES,
    Preferences,
    find_voice,
    get_voice,
    list_voices,
    offered_voices,
    pack_problem,
    ranked,
    read_preferences,
    write_preferences,
)

from .. import conf


def voices_folder() -> Path:
    return Path(conf.get("READALOUD_VOICES_DIR") or Path(settings.LOA_DATA_DIR) / "voices")


def all_voices() -> list[Voice]:
    return list_voices(voices_folder())


def voice(voice_id: str) -> Voice:
    """The voice with this id; UnknownVoiceError (listing the valid ids) if there is none."""
    return get_voice(voice_id, voices_folder())


def player_voices(language: str = "vi", include: str = "") -> list[Voice]:
    """What the player offers: the usable voices the administrator chose, best first in each region, in the
    page's language (a Vietnamese voice would normalize and mangle English), and `include`, a page's own
    voice, when the administrator left it out."""
    if language == "en":
        return [voice for voice in (*ENGLISH_VOICES, *offered_voices(voices_folder()))
                if voice.language == "en" and not problem(voice)]
    offered = [voice for voice in offered_voices(voices_folder()) if voice.language == "vi" and not problem(voice)]
    if include and include not in {voice.id for voice in offered}:
        found = find_voice(include, voices_folder())
        if found is not None and found.available and not problem(found):
            offered = ranked([*offered, found])
    return offered


def page_language(page) -> str:
    """The language a page is read in: its locale's ("vi" for anything without one)."""
    locale = getattr(page, "locale", None)
    code = getattr(locale, "language_code", "vi") if locale is not None else "vi"
    return "en" if code.startswith("en") else "vi"


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


# A page type that chooses the voice of the pages under it (CategoryPage, the document library) has this field.
PAGE_VOICE_FIELD = "readaloud_voice"


def voice_choices() -> list[tuple[str, str]]:
    """The choices of a page's voice field: the site's default, then every usable voice (restricted ones marked)."""
    usable = [v for v in all_voices() if v.available and not problem(v)]
    return [("", "Giọng mặc định của trang")] + [
        (v.id, f"{v.name} ({v.id})" + (" – giọng hạn chế" if v.restricted else "")) for v in usable
    ]


def page_voice_id(page) -> str:
    """The voice `page` is read in unless the listener picks another: for an English page the English voice;
    else the nearest page above it (or itself) that chooses one, its category or the document library, when
    that voice is usable; else the site's default."""
    if page_language(page) == "en":
        return conf.get("READALOUD_ENGLISH_VOICE") or ENGLISH_VOICE_ID
    ancestors = page.get_ancestors(inclusive=True).reverse().specific(defer=True)
    for ancestor in ancestors:
        chosen = getattr(ancestor, PAGE_VOICE_FIELD, "")
        if chosen:
            found = find_voice(chosen, voices_folder())
            if found is not None and found.available and not problem(found):
                return chosen
            break  # a voice since removed or broken: the site's default, not a farther page's choice
    return default_voice_id()


def page_voice_id_of(page_id: int) -> str:
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    return page_voice_id(page) if page is not None else default_voice_id()


def problem(found: Voice) -> str:
    """Why this voice cannot speak now ("" if it can): missing or changed model files."""
    return pack_problem(found)
