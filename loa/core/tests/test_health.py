"""GET /healthz: each check says ok or why not, 503 on any failure, never cached, never counted."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from loa.core import heartbeat
from loa.core.cache import CACHE_HEADER
from loa.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def get_health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    return response.status_code, response.json()


def test_all_ok_with_a_live_worker(client):
    heartbeat.beat("test-host:1")
    status, report = get_health(client)
    assert status == 200, report
    assert report["status"] == "ok"
    assert report["database"] == report["worker"] == report["disk"] == "ok"
    assert "cache" not in report  # no Redis configured in the test settings
    assert 0 <= report["details"]["worker_last_seen_seconds"] < 5
    assert report["details"]["disk_free_mb"] > 0


def test_no_worker_or_a_silent_one_is_an_error(client, settings):
    status, report = get_health(client)
    assert status == 503 and report["status"] == "error"
    assert report["worker"].startswith("error: ") and report["database"] == "ok"

    WorkerHeartbeat.objects.create(worker="old:1", beat_at=timezone.now() - timedelta(seconds=61))
    status, report = get_health(client)
    assert status == 503 and "61" in report["worker"]
    settings.LOA_HEALTH_WORKER_STALE_SECONDS = 120
    assert get_health(client)[0] == 200


def test_too_little_free_disk_is_an_error(client, settings):
    heartbeat.beat("test-host:1")
    settings.LOA_HEALTH_MIN_FREE_MB = 10**12  # a petabyte free: no machine here has it
    status, report = get_health(client)
    assert status == 503 and report["disk"].startswith("error: ") and report["worker"] == "ok"


def test_redis_is_checked_when_configured(client, settings):
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis at {REDIS_URL} unreachable: {exc}")
    heartbeat.beat("test-host:1")
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    settings.CACHES = {**settings.CACHES, "default": redis_cache}
    status, report = get_health(client)
    assert status == 200 and report["cache"] == "ok"

    settings.CACHES = {**settings.CACHES, "default": {**redis_cache, "LOCATION": "redis://127.0.0.1:1/0"}}
    status, report = get_health(client)
    assert status == 503 and report["cache"].startswith("error: ConnectionError")


def test_an_unreachable_database_is_reported_not_raised(tmp_path):
    """A real server process whose PostgreSQL does not answer (nothing listens on port 1)."""
    script = textwrap.dedent("""
        import json, django
        django.setup()
        from django.test import Client
        response = Client(HTTP_HOST="127.0.0.1").get("/healthz")
        print(json.dumps({"status": response.status_code, "report": response.json()}))
    """)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "loa.site.settings", "LOA_DATA_DIR": str(tmp_path),
           "DATABASE_URL": "postgresql://loa@127.0.0.1:1/loa", "SECRET_KEY": "health-test", "REDIS_URL": ""}
    env.pop("PYTEST_CURRENT_TEST", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["report"]["database"].startswith("error: OperationalError")
    assert answer["report"]["worker"].startswith("error: ")  # the heartbeat table is in that database too


def test_never_cached_by_the_page_cache(client, settings):
    settings.LOA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    heartbeat.beat("test-host:1")
    first = client.get("/healthz")
    assert first.status_code == 200 and CACHE_HEADER not in first
    heartbeat.forget("test-host:1")
    second = client.get("/healthz")
    assert second.status_code == 503 and CACHE_HEADER not in second
    cache.clear()


def test_only_get_and_head(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code in (200, 503)


def test_a_beacon_for_healthz_is_not_counted(client, settings):
    from loa.stats.backends import get_collector, reset_collector
    from loa.stats.models import DailyPageView

    settings.STATS_BACKEND = "memory"
    settings.STATS_FLUSH_SECONDS = 0
    reset_collector(flush=False)
    browser = {"HTTP_ORIGIN": "http://testserver", "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}
    for path in ("/healthz", "/"):
        response = client.post("/api/stats/hit", data=json.dumps({"path": path}), content_type="text/plain", **browser)
        assert response.status_code == 204
    get_collector().flush()
    assert list(DailyPageView.objects.values_list("path", flat=True)) == ["/"]
    reset_collector(flush=False)


def test_heartbeat_thread_beats_and_removes_its_row_on_stop(transactional_db):
    beat = heartbeat.Heartbeat("thread-test:1").start()
    try:
        for _ in range(100):
            if WorkerHeartbeat.objects.filter(worker="thread-test:1").exists():
                break
            time.sleep(0.05)
        assert WorkerHeartbeat.objects.filter(worker="thread-test:1").exists()
    finally:
        beat.stop()
    assert not WorkerHeartbeat.objects.filter(worker="thread-test:1").exists()
