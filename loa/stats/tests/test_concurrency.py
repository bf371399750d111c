"""4 gunicorn processes, 20,000 hits in parallel: after the flush the totals are exact (both backends)."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.support.loadgen import counted_requests, hit_request, run_load
from tests.support.serverproc import migrate, running_server, scratch_database, server_env

from .conftest import REDIS_URL, delete_prefix, redis_client

pytestmark = pytest.mark.database_in_children  # run again in the PostgreSQL pass

HITS, VISITORS, WORKERS = 20_000, 1_000, 4


def read_totals(database_url: str) -> tuple[int, int, int]:
    """(views, visits, visitors) summed over all days, read straight from the scratch database."""
    query = "SELECT COALESCE(SUM(views), 0), COALESCE(SUM(visits), 0), COALESCE(SUM(visitors), 0) FROM stats_dailytotal"
    if database_url.startswith("sqlite"):
        with sqlite3.connect(urlsplit(database_url).path) as conn:
            return tuple(conn.execute(query).fetchone())
    import psycopg

    with psycopg.connect(database_url) as conn:
        return tuple(conn.execute(query).fetchone())


def wait_for(database_url: str, expected_views: int, timeout: float) -> tuple[int, int, int]:
    deadline = time.monotonic() + timeout
    while True:
        totals = read_totals(database_url)
        if totals[0] >= expected_views or time.monotonic() > deadline:
            return totals
        time.sleep(0.25)


# The hit buffer's backend does not touch the database: on PostgreSQL the Redis one (the scale-out setup) runs.
@pytest.mark.parametrize("backend", [pytest.param("memory", marks=pytest.mark.once), "redis"])
def test_twenty_thousand_parallel_hits_on_four_processes_are_counted_exactly(backend, tmp_path: Path):
    prefix = f"loa-conc-{os.getpid()}-{time.monotonic_ns()}:"
    client = redis_client() if backend == "redis" else None
    # 1,000 visitors from one loopback address on invented paths: the exactness of counting is tested here, so
    # the per-address cap on new visitors and the live-page check (no page tables in this database) are off.
    extra = {"STATS_BACKEND": backend, "STATS_FLUSH_SECONDS": "1", "STATS_SUMMARY_CACHE_SECONDS": "0",
             "STATS_MAX_HITS_PER_MINUTE": "60", "STATS_MAX_NEW_VISITORS_PER_MINUTE": "1000000",
             "STATS_ONLY_LIVE_PAGES": "0"}
    if client is not None:
        extra.update(STATS_REDIS_URL=REDIS_URL, STATS_REDIS_PREFIX=prefix)
    try:
        with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
            env = server_env(database_url, tmp_path, extra)
            migrate(env)
            with running_server(env, workers=WORKERS, threads=2, log_dir=tmp_path) as server:
                requests = [
                    hit_request("127.0.0.1", server.port, f"Mozilla/5.0 (load test; visitor {n % VISITORS})", f"/tin-tuc/bai-{n % 37}/")
                    for n in range(HITS)
                ]
                started = time.perf_counter()
                result = run_load("127.0.0.1", server.port, counted_requests(requests), connections=16)
                elapsed = time.perf_counter() - started
                assert result.errors == 0 and dict(result.statuses) == {204: HITS}, (result.statuses, result.errors)
                # the periodic flush (every second here) brings everything in while the server runs
                assert wait_for(database_url, HITS, timeout=20) == (HITS, VISITORS, VISITORS)
                online = httpx.get(server.base_url + "/api/stats/summary").json()["online"]
                assert online == VISITORS
            # a graceful stop flushes again: nothing may be added twice
            assert read_totals(database_url) == (HITS, VISITORS, VISITORS)
            if client is not None:
                assert not client.exists(prefix + "pending")
            print(f"\n{backend}: {HITS} hits in {elapsed:.1f} s ({HITS / elapsed:,.0f}/s), "
                  f"p99 {result.percentile(0.99) * 1000:.1f} ms, {database_url.split(':', 1)[0]}")
            assert "Traceback" not in server.log(), server.log()[-3000:]
    finally:
        if client is not None:
            delete_prefix(client, prefix)


def test_a_graceful_stop_flushes_what_the_timer_has_not(tmp_path: Path):
    """The site's application (loa.site.wsgi, with the stats fast path) under a real server."""
    extra = {"STATS_BACKEND": "memory", "STATS_FLUSH_SECONDS": "3600",  # the timer never fires during the test
             "STATS_ONLY_LIVE_PAGES": "0"}
    with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
        env = server_env(database_url, tmp_path, extra)
        migrate(env)
        with running_server(env, workers=2, threads=2, log_dir=tmp_path) as server:
            requests = [hit_request("127.0.0.1", server.port, f"Mozilla/5.0 (visitor {n % 40})", "/") for n in range(400)]
            result = run_load("127.0.0.1", server.port, counted_requests(requests), connections=4)
            assert result.statuses == {204: 400}
            bad = httpx.post(server.base_url + "/api/stats/hit", content=b"{", headers={"Origin": server.base_url})
            assert bad.status_code == 400
            assert read_totals(database_url) == (0, 0, 0)
        assert read_totals(database_url) == (400, 40, 40)
