"""The read-aloud app's settings, with their defaults (override any READALOUD_* in Django settings)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    "READALOUD_DEFAULT_VOICE": "",  # "" = the speech library's default voice (vi-south-male)
    "READALOUD_ENGLISH_VOICE": "",  # voice of the English pages (/en/); "" = eSpeak NG's English (en-female)
    "READALOUD_CACHE_DIR": "",  # "" = <LOA_DATA_DIR>/readaloud-cache
    "READALOUD_SPEECH_MAX_CHARS": 20_000,
    "READALOUD_SPEECH_RATE_LIMIT": 30,  # requests per client ...
    "READALOUD_SPEECH_RATE_WINDOW": 60,  # ... per this many seconds
    "READALOUD_SPEECH_CHAR_BUDGET": 100_000,  # characters per client (IPv4 address or IPv6 /64) ...
    "READALOUD_SPEECH_CHAR_WINDOW": 3600,  # ... per this many seconds
    # Syntheses at once on one machine, every process together: narrations (articles' and the widget's)
    # and /v1/audio/speech streams; 0 = one per CPU (narration/synthesis_slots.py).
    "READALOUD_SYNTHESES_PER_MACHINE": 0,
    "READALOUD_SPEECH_BUSY_RETRY_AFTER": 5,  # Retry-After (seconds) of the 503 when every slot is busy
    "READALOUD_RETRY_DELAYS": [5, 60],  # seconds before the 2nd and 3rd attempt; then "failed"
    "READALOUD_FAILED_RETRY_AFTER": 900,  # seconds before a request retries a failed narration
    "READALOUD_STALE_AFTER": 60,  # seconds without a heartbeat before a running generation counts as abandoned
    "READALOUD_KEEP_REPLACED_AUDIO": 86_400,  # seconds a replaced audio file is kept
    "READALOUD_VOICES_DIR": "",  # "" = <LOA_DATA_DIR>/voices: installed voice packs and the admin's choices
    "READALOUD_STREAMS_PER_PROCESS": 2,  # listeners of a narration still being made, per web process
    "READALOUD_STREAM_STALL_SECONDS": 60,  # a growing stream ends after this long without new audio
    "READALOUD_SPEECH_NEURAL_MAX_CHARS": 2_000,  # /v1/audio/speech input limit for neural voices
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
