"""The stats app's settings, with their defaults (override any STATS_* in Django settings)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    "STATS_BACKEND": "",  # "memory", "redis", or "" = redis when STATS_REDIS_URL is set
    "STATS_REDIS_URL": "",
    "STATS_REDIS_PREFIX": "loa:stats:",
    "STATS_FLUSH_SECONDS": 2.0,
    "STATS_REDIS_PUSH_SECONDS": 0.05,
    "STATS_ONLINE_SECONDS": 300,
    "STATS_VISIT_GAP_SECONDS": 1800,
    "STATS_MAX_HITS_PER_MINUTE": 60,
    "STATS_MAX_NEW_VISITORS_PER_MINUTE": 120,  # per client address (IPv4, IPv6 /64), shared by every process
    "STATS_ONLY_LIVE_PAGES": True,  # count views of live Wagtail pages only; False counts any path
    "STATS_KEEP_PAGES_PER_DAY": 500,  # past days keep their top pages; the rest is rolled into one "(khác)" row
    "STATS_KEEP_REFERRERS_PER_DAY": 100,  # likewise for referring hosts
    "STATS_MAX_LISTEN_EVENTS_PER_MINUTE": 120,
    "STATS_SUMMARY_CACHE_SECONDS": 30,
    "STATS_RETENTION_DAYS": 2,
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)


def backend_name() -> str:
    name = str(get("STATS_BACKEND") or "").strip().lower()
    if name:
        return name
    return "redis" if get("STATS_REDIS_URL") else "memory"
