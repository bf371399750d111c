"""Three gunicorn workers (separate processes, memory backend, one database): the cap on invented visitors
holds for the site as a whole, and the widget's numbers are the same whichever worker answers."""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.support.loadgen import counted_requests, hit_request, run_load
from tests.support.serverproc import migrate, running_server, scratch_database, server_env

pytestmark = pytest.mark.database_in_children  # run again in the PostgreSQL pass

WORKERS, CAP = 3, 40


def summary(base_url: str) -> dict:
    with httpx.Client(base_url=base_url, timeout=10, headers={"Connection": "close"}) as client:
        return client.get("/api/stats/summary").json()


def summaries(base_url: str, n: int) -> list[dict]:
    """`n` answers of /api/stats/summary asked at the same time, on new connections: every worker answers some."""
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda _: summary(base_url), range(n)))


def test_the_cap_and_the_summary_are_shared_by_the_workers(tmp_path: Path):
    extra = {"STATS_BACKEND": "memory", "STATS_FLUSH_SECONDS": "0.3", "STATS_SUMMARY_CACHE_SECONDS": "8",
             "STATS_MAX_NEW_VISITORS_PER_MINUTE": str(CAP), "STATS_ONLY_LIVE_PAGES": "0"}
    with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
        env = server_env(database_url, tmp_path, extra)
        migrate(env)
        with running_server(env, workers=WORKERS, threads=2, log_dir=tmp_path) as server:
            started = time.monotonic()
            assert summary(server.base_url)["today"] == 0  # one worker computes this (and caches it for 8 s)
            # 100 invented visitors (a new User-Agent each) from one address, spread over the workers.
            requests = [hit_request("127.0.0.1", server.port, f"Mozilla/5.0 (invented {n})", "/") for n in range(100)]
            result = run_load("127.0.0.1", server.port, counted_requests(requests), connections=6)
            assert result.errors == 0 and dict(result.statuses) == {204: CAP, 429: 100 - CAP}, result.statuses
            time.sleep(1.0)  # every worker has flushed
            assert time.monotonic() - started < 7, "too slow to ask while the first answer is cached"
            # Asked at once, all workers give one answer (each worker's own cached copy did not: 0 here, 40 there).
            assert len({a["today"] for a in summaries(server.base_url, 12)}) == 1
            time.sleep(max(0.0, started + 8.5 - time.monotonic()))  # the cached copy has expired
            assert {a["today"] for a in summaries(server.base_url, 12)} == {CAP}
            assert "Traceback" not in server.log(), server.log()[-3000:]
