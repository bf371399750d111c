"""The voices a registered site offers, and its default: the site's choice among the voices Loa can use."""
from __future__ import annotations

from loa.readaloud.service import default_voice_id, player_voices

from .models import WidgetSite


def offered(site: WidgetSite) -> list:
    usable = {voice.id: voice for voice in player_voices()}
    chosen = [usable[v] for v in site.voice_list() if v in usable]
    return chosen or list(usable.values())


def default_voice(site: WidgetSite) -> str:
    ids = [voice.id for voice in offered(site)]
    for candidate in (site.default_voice, default_voice_id()):
        if candidate in ids:
            return candidate
    return ids[0] if ids else default_voice_id()
