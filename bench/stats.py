"""Load test of the hit endpoint: a real multi-worker gunicorn on loopback, hits for N seconds, then the count check.

    .venv/bin/python bench/stats.py [--seconds 30] [--backend memory|redis] [--database-url URL]

Prints accepted hits per second, latency percentiles and whether every accepted
hit was counted (sent = counted) after a graceful stop flushed the workers.

Visitors differ by address (X-Forwarded-For from a trusted proxy on 127.0.0.1,
as behind nginx) and use a few dozen common browser User-Agents, as real
traffic does; --unique-user-agents gives every visitor its own User-Agent
instead (the worst case for the crawler check's cache).
The load generator is tests/support/loadgen.py (asyncio, keep-alive connections),
so every request is accounted for exactly; wrk is not needed.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.loadgen import hit_request, run_load, timed_requests  # noqa: E402
from tests.support.serverproc import migrate, running_server, scratch_database, server_env  # noqa: E402

BROWSERS = [
    f"Mozilla/5.0 ({system}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{version}.0.0.0 {mobile}Safari/537.36"
    for system in ("Windows NT 10.0; Win64; x64", "X11; Linux x86_64", "Linux; Android 14; SM-A546E", "Macintosh; Intel Mac OS X 10_15_7")
    for version in range(118, 128)
    for mobile in ("", "Mobile ")
]


def server_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) used so far by gunicorn's master and its workers."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [master_pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()]
    except OSError:
        pass
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def counted_views(database_url: str, redis_prefix: str | None) -> int:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
    import django

    django.setup()
    from django.db import connections
    from django.db.models import Sum

    from loa.stats.models import DailyTotal

    if redis_prefix:  # anything still pending in Redis is rolled up here, as the periodic task would
        from loa.stats.backends.redis import RedisCollector

        RedisCollector(os.environ["BENCH_REDIS_URL"], redis_prefix).flush()
    views = DailyTotal.objects.aggregate(v=Sum("views"))["v"] or 0
    connections.close_all()
    return views


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rate", type=float, default=0.0, help="paced hits/s in total (0 = as fast as answered)")
    parser.add_argument("--visitors", type=int, default=20000, help="distinct User-Agents (each stays under the per-minute cap)")
    parser.add_argument("--backend", choices=["memory", "redis"], default="memory")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""), help="empty: a scratch SQLite file")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--unique-user-agents", action="store_true")
    parser.add_argument("--app", default="loa.site.wsgi:application",
                        help="WSGI app (default: the site's, with the stats fast path)")
    args = parser.parse_args()

    prefix = f"loa-bench-{os.getpid()}:" if args.backend == "redis" else None
    load_before = os.getloadavg()[0]
    with scratch_database(args.database_url) as database_url, tempfile.TemporaryDirectory(prefix="loa-bench-") as data:
        # Invented paths on a database with only the stats tables: the live-page check is off here.
        extra = {"STATS_BACKEND": args.backend, "STATS_FLUSH_SECONDS": "2", "TRUSTED_PROXIES": "127.0.0.1",
                 "STATS_ONLY_LIVE_PAGES": "0"}
        if prefix:
            extra.update(STATS_REDIS_URL=args.redis_url, STATS_REDIS_PREFIX=prefix)
            os.environ["BENCH_REDIS_URL"] = args.redis_url
        env = server_env(database_url, Path(data), extra)
        migrate(env)
        with running_server(env, workers=args.workers, threads=args.threads, log_dir=Path(data), app=args.app) as server:
            requests = [
                hit_request(
                    "127.0.0.1", server.port,
                    f"Mozilla/5.0 (bench; visitor {n})" if args.unique_user_agents else BROWSERS[n % len(BROWSERS)],
                    f"/tin-tuc/bai-{n % 200}/",
                    {"X-Forwarded-For": f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"},  # only a header: nothing is sent there
                )
                for n in range(args.visitors)
            ]
            print(f"{args.seconds:.0f} s of hits against gunicorn {args.app} ({args.workers} workers x {args.threads} threads, "
                  f"{args.backend} backend, {database_url.split(':', 1)[0]}), {args.connections} connections …", flush=True)
            cpu_before = server_cpu_seconds(server.process.pid)
            result = run_load("127.0.0.1", server.port, timed_requests(args.seconds, lambda n: requests[n % len(requests)]),
                              connections=args.connections, rate=args.rate)
            cpu_used = server_cpu_seconds(server.process.pid) - cpu_before
            started = time.perf_counter()
        stop_seconds = time.perf_counter() - started
        counted = counted_views(database_url, prefix)
        if prefix:
            import redis

            client = redis.Redis.from_url(args.redis_url)
            for key in client.scan_iter(match=prefix + "*"):
                client.delete(key)

    accepted = result.statuses.get(204, 0)
    print(f"answered        {result.answered}  (204: {accepted}, other: { {k: v for k, v in result.statuses.items() if k != 204} }, "
          f"errors: {result.errors})")
    print(f"accepted hits/s {accepted / result.elapsed:,.0f}")
    print(f"latency         p50 {result.percentile(0.5) * 1000:.2f} ms, p90 {result.percentile(0.9) * 1000:.2f} ms, "
          f"p99 {result.percentile(0.99) * 1000:.2f} ms, max {max(result.latencies) * 1000:.1f} ms")
    print(f"server CPU      {cpu_used / max(result.answered, 1) * 1e6:.0f} µs per hit (all workers; machine: {os.cpu_count()} cores, "
          f"load average before the run {load_before:.1f})")
    print(f"graceful stop   {stop_seconds:.1f} s")
    ok = counted == accepted and result.errors == 0
    print(f"count check     sent {accepted} = counted {counted}: {'OK' if ok else 'MISMATCH'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
