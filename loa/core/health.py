"""GET /healthz: is this server able to serve? Database, Redis (when configured), task worker, free disk.

    {"status": "ok", "database": "ok", "cache": "ok", "worker": "ok", "disk": "ok",
     "details": {"worker_last_seen_seconds": 4.1, "disk_free_mb": 20480}}

Each check is "ok" or "error: <why>"; any error makes the answer 503. Cheap on
purpose (one `SELECT 1`, one PING per Redis, one indexed row, a statfs): load
balancers and monitors may call it every few seconds. Never cached (the page cache
skips it, nginx does not cache it) and never counted in the visitor statistics.
"""
from __future__ import annotations

import os
import shutil
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import conf, heartbeat

HEALTH_PATH = "/healthz"
OK = "ok"


def _error(exc: BaseException | str) -> str:
    if isinstance(exc, str):
        return f"error: {exc}"
    message = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"error: {type(exc).__name__}: {message}" if message else f"error: {type(exc).__name__}"


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001  any failure is the answer
        return _error(exc)
    return OK


def redis_urls() -> list[str]:
    """Every Redis this site uses: the cache aliases' locations and the statistics backend's."""
    urls: list[str] = []
    for options in settings.CACHES.values():
        if "redis" in options.get("BACKEND", "").lower():
            location = options.get("LOCATION", "")
            urls.extend(location if isinstance(location, (list, tuple)) else [location])
    if getattr(settings, "STATS_BACKEND", "") == "redis" and getattr(settings, "STATS_REDIS_URL", ""):
        urls.append(settings.STATS_REDIS_URL)
    return list(dict.fromkeys(url for url in urls if url))


@lru_cache(maxsize=8)
def _redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


def check_redis(urls: list[str]) -> str:
    for url in urls:
        try:
            _redis_client(url).ping()
        except Exception as exc:  # noqa: BLE001
            return _error(exc)
    return OK


def uses_database_worker() -> bool:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return backend.startswith("django_tasks_db.")


def check_worker() -> tuple[str, float | None]:
    """The newest heartbeat of any `loa db_worker`, and how old it is."""
    try:
        seen = heartbeat.latest()
    except Exception as exc:  # noqa: BLE001
        return _error(exc), None
    if seen is None:
        return _error("chưa có tiến trình nền (loa db_worker) nào đang chạy"), None
    age = max(0.0, (timezone.now() - seen).total_seconds())
    stale_after = float(conf.get("LOA_HEALTH_WORKER_STALE_SECONDS"))
    if age > stale_after:
        return _error(f"tiến trình nền im lặng đã {age:.0f} giây (giới hạn {stale_after:.0f})"), round(age, 1)
    return OK, round(age, 1)


def data_folders() -> list[Path]:
    folders = [Path(settings.DATA_DIR), Path(settings.MEDIA_ROOT)]
    name = settings.DATABASES["default"].get("NAME")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and name and name != ":memory:":
        folders.append(Path(name).parent)
    return folders


def check_disk() -> tuple[str, int | None]:
    """The least free space among the file systems that hold the data, database and media."""
    least: int | None = None
    seen_devices: set[int] = set()
    try:
        for folder in data_folders():
            existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
            if existing is None or (device := os.stat(existing).st_dev) in seen_devices:
                continue
            seen_devices.add(device)
            free = shutil.disk_usage(existing).free
            least = free if least is None else min(least, free)
    except OSError as exc:
        return _error(exc), None
    if least is None:
        return _error("không tìm thấy thư mục dữ liệu"), None
    free_mb = least // (1024 * 1024)
    minimum = int(conf.get("LOA_HEALTH_MIN_FREE_MB"))
    if free_mb < minimum:
        return _error(f"chỉ còn {free_mb} MB trống (cần ít nhất {minimum} MB)"), free_mb
    return OK, free_mb


def health() -> dict:
    report: dict = {"status": OK, "database": check_database()}
    urls = redis_urls()
    if urls:
        report["cache"] = check_redis(urls)
    details: dict = {}
    if uses_database_worker():
        report["worker"], details["worker_last_seen_seconds"] = check_worker()
    report["disk"], details["disk_free_mb"] = check_disk()
    if any(value != OK for key, value in report.items() if key != "status"):
        report["status"] = "error"
    report["details"] = details
    return report


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    report = health()
    response = JsonResponse(report, status=200 if report["status"] == OK else 503)
    response["Cache-Control"] = "no-store"
    return response
