"""Settings of the open-data catalogue, with their defaults (override any OPENDATA_* in Django settings)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    # Licence every dataset is published under unless it names its own.
    "OPENDATA_LICENCE_NAME": "Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "OPENDATA_LICENCE_URL": "https://creativecommons.org/licenses/by/4.0/deed.vi",
    # Nghị định 47/2020/NĐ-CP: each dataset reviewed at least every six months.
    "OPENDATA_REVIEW_DAYS": 182,
    # Downloads per client and window (each builds a whole file), and rows per file at most.
    "OPENDATA_RATE_LIMIT": 30,
    "OPENDATA_RATE_WINDOW": 300,
    "OPENDATA_MAX_ROWS": 50_000,
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
