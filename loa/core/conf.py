"""The core app's operational settings, with their defaults (override any of them in Django settings),
and the one way every app reads its settings (`app_setting`)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, object] = {
    "LOA_HEALTH_MIN_FREE_MB": 512,  # /healthz reports the disk as failing below this much free space
    "LOA_HEALTH_WORKER_STALE_SECONDS": 60,  # ... and the task worker once its heartbeat is older than this
}


def app_setting(name: str, defaults: Mapping[str, Any]) -> Any:
    """The Django setting `name`, or its default from `defaults` when it is missing, None or ""
    (an empty environment variable means "unset", never "empty")."""
    value = getattr(settings, name, None)
    return defaults[name] if value is None or value == "" else value


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
