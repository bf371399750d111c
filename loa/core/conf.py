"""The core app's operational settings, with their defaults (override any of them in Django settings)."""
from __future__ import annotations

from django.conf import settings

DEFAULTS: dict[str, object] = {
    "LOA_HEALTH_MIN_FREE_MB": 512,  # /healthz reports the disk as failing below this much free space
    "LOA_HEALTH_WORKER_STALE_SECONDS": 60,  # ... and the task worker once its heartbeat is older than this
}


def get(name: str):
    value = getattr(settings, name, None)
    return DEFAULTS[name] if value in (None, "") else value
