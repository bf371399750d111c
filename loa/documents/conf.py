"""The document library's settings, with their defaults (override any DOCUMENTS_* in Django settings)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

from .extraction import ExtractionLimits

DEFAULTS: dict[str, object] = {
    "DOCUMENTS_EXTRACT_MAX_PAGES": 50,  # PDF pages whose text is shown and read; the file keeps them all
    "DOCUMENTS_EXTRACT_MAX_CHARS": 150_000,  # characters of text kept per file (about two hours of audio)
    "DOCUMENTS_EXTRACT_MAX_MB": 50,  # larger files are not opened for text
    "DOCUMENTS_EXTRACT_MEMORY_MB": 512,  # address-space cap of the extracting child process
    "DOCUMENTS_EXTRACT_TIMEOUT": 120,  # seconds the child may take
    "DOCUMENTS_PER_PAGE": 20,  # documents per page of the library
    "DOCUMENTS_DOWNLOAD_WINDOW": 3600,  # one download per visitor and file counts once per this many seconds
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)


def extraction_limits() -> ExtractionLimits:
    return ExtractionLimits(
        max_pages=int(get("DOCUMENTS_EXTRACT_MAX_PAGES")),
        max_chars=int(get("DOCUMENTS_EXTRACT_MAX_CHARS")),
        max_bytes=int(get("DOCUMENTS_EXTRACT_MAX_MB")) * 1024 * 1024,
        memory_mb=int(get("DOCUMENTS_EXTRACT_MEMORY_MB")),
        timeout=float(get("DOCUMENTS_EXTRACT_TIMEOUT")),
    )
