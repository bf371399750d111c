"""The narration service's public face: what other apps (documents, the importer, the widget) call.

Everything under loa/readaloud/narration/ is the service's inside. Another app imports this module,
and loa.readaloud.models or loa.readaloud.voice_choice only for its own model fields, never the
inside (tests/test_import_graph.py checks it).

- A Loa page's audio: `refresh_audio(page)` after its text changed outside publishing (a document's
  extracted text, an imported page's backfill); `narration_deferred()` around publishing that must not
  start it (an import); `default_voice_narrations()` to see what is made.
- Text that is not a Loa page (the widget's host pages): `readable_pieces` reads HTML as the player
  does, `fingerprint` names the text and the lexicon it is read with, `narration_key` names its audio,
  `generate_audio` makes it inside a `synthesis_slot()` (None: the machine is busy, try again in
  `SLOT_WAIT` seconds), `delete_later` drops a replaced file, `setting` reads the retry delays.
- Listening: `audio_url`, `read_progress` (a narration being made) and `stream_url` (its growing audio).
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .conf import get as setting
from .listening.streaming import stream_url
from .models import Narration, NarrationState
from .narration import narrations
from .narration.audio_store import audio_url
from .narration.generation import GeneratedAudio
from .narration.generation import generate_audio_file as generate_audio
from .narration.html_text import readable_pieces
from .narration.keys import default_voice_id, narration_key
from .narration.lexicon import lexicon_for, lexicon_hash
from .narration.progress import read_progress
from .narration.script import script_text, units_from_json, units_hash
from .narration.signals import narration_deferred
from .narration.synthesis_slots import SLOT_WAIT, synthesis_slot
from .narration.tasks import delete_later, request_narration
from .narration.voices import player_voices

__all__ = [
    "SLOT_WAIT", "Fingerprint", "GeneratedAudio", "NarrationState", "audio_url", "default_voice_id",
    "default_voice_narrations", "delete_later", "fingerprint", "generate_audio", "narration_deferred",
    "narration_key", "player_voices", "read_progress", "readable_pieces", "refresh_audio", "setting",
    "stream_url", "synthesis_slot",
]


def refresh_audio(page, priority: int | None = None) -> Narration:
    """Rebuild the page's reading script and ask for its audio in its voice, as publishing does.

    `priority` below the default puts it after editors' work (an import's backfill)."""
    narrations.refresh_script(page)
    return request_narration(page, priority=priority)


def default_voice_narrations() -> QuerySet[Narration]:
    """The narrations in the site's default voice, whatever their state."""
    return Narration.objects.filter(voice=default_voice_id())


@dataclass(frozen=True)
class Fingerprint:
    text_hash: str  # the text to read, as the player reads it
    lexicon_hash: str  # the pronunciation entries that apply to it


def fingerprint(units_json: list) -> Fingerprint:
    """What a text's audio depends on, from its reading units (as `readable_pieces` gave them, in JSON)."""
    units = units_from_json(units_json)
    return Fingerprint(units_hash(units), lexicon_hash(lexicon_for(script_text(units))))
