"""Settings of kiến nghị cử tri, with their defaults (any PETITIONS_* can be set in the environment)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    # The deadline list and the editors' reminder mail name the petitions due within this many days.
    "PETITIONS_REMINDER_DAYS": 7,
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
