"""Voice-pack management: which voices a voices folder holds, installing and removing packs,
the catalogue of known voices with their terms, and the administrator's choices.

    from loa.speech.packs import install_voice, list_voices

    install_voice("vi_VN-vais1000-medium", folder=voices_folder)
    [voice.id for voice in list_voices(voices_folder)]

Every function takes the voices folder; none reads the environment.
"""
from loa.speech.packs.install import CatalogueVoice, catalogue, install_voice, remove_voice, try_speaking
from loa.speech.packs.registry import default_voice_id, find_voice, get_voice, list_voices, offered_voices, ranked
from loa.speech.packs.store import PackError, Preferences, pack_problem, read_preferences, write_preferences
from loa.speech.voices import DEFAULT_VOICE_ID, ENGLISH_VOICE_ID, ENGLISH_VOICES

__all__ = [
    "DEFAULT_VOICE_ID",
    "ENGLISH_VOICE_ID",
    "ENGLISH_VOICES",
    "CatalogueVoice",
    "PackError",
    "Preferences",
    "catalogue",
    "default_voice_id",
    "find_voice",
    "get_voice",
    "install_voice",
    "list_voices",
    "offered_voices",
    "pack_problem",
    "ranked",
    "read_preferences",
    "remove_voice",
    "try_speaking",
    "write_preferences",
]
