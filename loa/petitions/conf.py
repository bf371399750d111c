"""Settings of kiến nghị cử tri, with their defaults (override any PETITIONS_* in Django settings)."""
from __future__ import annotations

from django.conf import settings

DEFAULTS: dict[str, object] = {
    # The deadline list and the editors' reminder mail name the petitions due within this many days.
    "PETITIONS_REMINDER_DAYS": 7,
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])
