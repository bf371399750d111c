"""Hostile load: while 8 clients post 19,000-character speech requests in a loop, do pages stay fast?

    .venv/bin/python bench/hostile.py                  # fresh demo site, 10 s calm, then 30 s under attack
    .venv/bin/python bench/hostile.py --seconds 60 --attackers 8 --chars 19000
    .venv/bin/python bench/hostile.py --via-nginx      # the same, direct and through deploy/nginx/loa.conf

The server is `loa serve` as in production (gunicorn, CPUs+1 workers x 4 threads, page cache,
default limits), without the task worker so that no narration competes. Each attacker is its
own client address (X-Forwarded-For from loopback, which is trusted here) and posts again as
soon as an answer ends, ignoring Retry-After. With --via-nginx the run is made twice, straight to Loa
and through nginx with the shipped site config (the production setup): there each attacker and
reader connects from a loopback address of its own (127.0.0.x), which nginx passes on. Meanwhile a few readers fetch search pages (new
queries, so many are rendered, not cached) and article pages, a request every 100 ms each.
Target (through nginx with --via-nginx, the production setup): search and article pages p99 < 300 ms under attack, and the speech API sheds load
with 503 (busy) answers instead of synthesizing for everyone.
"""
from __future__ import annotations

import argparse
import contextlib
import itertools
import multiprocessing
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.nginxproc import running_nginx  # noqa: E402
from tests.support.serverproc import loa_serve, prepare_site  # noqa: E402

SEED = ROOT / "loa" / "pages" / "demo" / "seed-article.txt"
TARGET_P99_MS = 300.0


@dataclass
class Timings:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"search": [], "article": []})
    errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, ok: bool) -> None:
        with self.lock:
            self.latencies[kind].append(ms)
            if not ok:
                self.errors[kind] += 1


@dataclass
class Attack:
    statuses: Counter = field(default_factory=Counter)
    audio_bytes: int = 0
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def article_urls(base: str) -> list[str]:
    response = httpx.get(f"{base}/api/v2/pages/", params={"type": "pages.ArticlePage", "fields": "_,html_url",
                                                          "limit": 20}, timeout=30)
    urls = [re.sub(r"^https?://[^/]+", "", item["meta"]["html_url"]) for item in response.json()["items"]]
    if not urls:
        raise SystemExit("không có tin bài nào trên máy chủ này")
    return urls


def search_queries(text: str, count: int = 400) -> list[str]:
    words = list(dict.fromkeys(w.lower() for w in re.findall(r"\w{4,}", text) if not w.isdigit()))
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    return (words + pairs)[:count]


def client_for(base: str, source: str | None, **options) -> httpx.Client:
    """A client; with `source`, connecting from that loopback address (what nginx sees as the client)."""
    transport = httpx.HTTPTransport(local_address=source) if source else None
    return httpx.Client(base_url=base, transport=transport, **options)


def reader(base: str, paths: list[tuple[str, str]], stop: threading.Event, timings: Timings, pause: float,
           source: str | None = None) -> None:
    with client_for(base, source, timeout=30) as client:
        for kind, path in itertools.cycle(paths):
            if stop.is_set():
                return
            started = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            timings.add(kind, (time.perf_counter() - started) * 1000, ok)
            stop.wait(pause)


def attacker(base: str, number: int, text: str, stop: threading.Event, attack: Attack, own_address: bool) -> None:
    headers = {"Content-Type": "application/json"}
    if not own_address:  # straight to Loa, which trusts loopback's X-Forwarded-For here
        headers["X-Forwarded-For"] = f"198.51.100.{number + 1}"
    body = {"model": "tts-1", "input": text, "voice": "vi-south-male"}
    source = f"127.0.1.{number + 1}" if own_address else None
    with client_for(base, source, timeout=120, headers=headers) as client:
        while not stop.is_set():
            try:
                with client.stream("POST", "/v1/audio/speech", json=body) as response:
                    size = sum(len(chunk) for chunk in response.iter_bytes())
                status = response.status_code
            except httpx.HTTPError:
                with attack.lock:
                    attack.errors += 1
                continue
            with attack.lock:
                attack.statuses[status] += 1
                if status == 200:
                    attack.audio_bytes += size


def attack_process(base: str, attackers: int, text: str, seconds: float, results, own_address: bool) -> None:
    """The attackers, in a process of their own: their work must not slow the readers' measurements."""
    attack, stop = Attack(), threading.Event()
    threads = [threading.Thread(target=attacker, args=(base, n, text, stop, attack, own_address), daemon=True)
               for n in range(attackers)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(130)
    results.put((dict(attack.statuses), attack.audio_bytes, attack.errors))


def measure(base: str, paths: list[tuple[str, str]], seconds: float, readers: int, pause: float,
            attackers: int = 0, text: str = "", own_addresses: bool = False) -> tuple[Timings, Attack]:
    timings, attack, stop = Timings(), Attack(), threading.Event()
    process, results = None, multiprocessing.Queue()
    if attackers:
        process = multiprocessing.Process(target=attack_process, args=(base, attackers, text, seconds + 2.0, results,
                                                                         own_addresses))
        process.start()
        time.sleep(2.0)  # let the attack reach its steady state
    share = len(paths) // max(1, readers)
    threads = [threading.Thread(target=reader, args=(base, paths[n * share:] + paths[:n * share], stop, timings, pause,
                                                     f"127.0.2.{n + 1}" if own_addresses else None),
                                daemon=True) for n in range(readers)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(130)
    if process is not None:
        statuses, audio_bytes, errors = results.get(timeout=180)
        process.join(30)
        attack.statuses.update(statuses)
        attack.audio_bytes, attack.errors = audio_bytes, errors
    return timings, attack


def report(title: str, timings: Timings) -> bool:
    print(f"\n{title}")
    print(f"  {'trang':<10} {'số yêu cầu':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'lỗi':>5}")
    ok = True
    for kind in ("search", "article"):
        values = timings.latencies[kind]
        p99 = percentile(values, 0.99)
        print(f"  {kind:<10} {len(values):>10} {statistics.median(values) if values else float('nan'):>8.1f} "
              f"{p99:>8.1f} {max(values, default=float('nan')):>8.1f} {timings.errors[kind]:>5}")
        ok = ok and bool(values) and p99 < TARGET_P99_MS and timings.errors[kind] == 0
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0, help="giây đo khi bị tấn công (mặc định 30)")
    parser.add_argument("--calm-seconds", type=float, default=10.0, help="giây đo khi chưa bị tấn công (mặc định 10)")
    parser.add_argument("--attackers", type=int, default=8)
    parser.add_argument("--chars", type=int, default=19_000, help="ký tự mỗi yêu cầu đọc (mặc định 19.000)")
    parser.add_argument("--readers", type=int, default=4, help="người đọc đồng thời (mặc định 4)")
    parser.add_argument("--pause", type=float, default=0.1, help="giây nghỉ giữa hai trang của một người đọc")
    parser.add_argument("--via-nginx", action="store_true",
                        help="đo thêm qua nginx với cấu hình đi kèm (deploy/nginx/loa.conf), như khi triển khai thật")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    seed = SEED.read_text(encoding="utf-8")
    text = (seed * (args.chars // len(seed) + 1))[:args.chars]
    data_dir = Path(tempfile.mkdtemp(prefix="loa-hostile-"))
    env = {**os.environ, "LOA_DATA_DIR": str(data_dir), "LOA_ADMIN_PASSWORD": "bench-" + os.urandom(6).hex(),
           "TRUSTED_PROXIES": "127.0.0.1,::1", "DATABASE_URL": os.environ.get("DATABASE_URL", ""), "REDIS_URL": ""}
    env.pop("STATIC_ROOT", None)
    env.pop("MEDIA_ROOT", None)
    if not env["DATABASE_URL"]:
        env.pop("DATABASE_URL")
    stack = contextlib.ExitStack()
    try:
        print(f"Chuẩn bị trang mẫu trong {data_dir} (migrate, collectstatic, nội dung mẫu)…", flush=True)
        prepare_site(env)
        with loa_serve(env, ("--no-worker",), log_dir=data_dir) as server:
            base = server.base_url
            articles = article_urls(base)
            queries = search_queries(seed)
            paths = [item for pair in zip(
                (("search", f"/tim-kiem/?q={q.replace(' ', '+')}") for q in queries),
                (("article", articles[n % len(articles)]) for n in range(len(queries))),
                strict=True,
            ) for item in pair]
            runs = [("Loa trực tiếp", base, False)]
            if args.via_nginx:
                port = int(base.rsplit(":", 1)[1])
                nginx = stack.enter_context(running_nginx(upstream_port=port, static_root=data_dir / "static",
                                                          media_root=data_dir / "media"))
                runs.append(("Loa sau nginx", nginx.base_url, True))
            results = [run(name, url, own, paths, articles, text, args) for name, url, own in runs]
            log = server.log()
    finally:
        stack.close()
        shutil.rmtree(data_dir, ignore_errors=True)

    # The target is the production setup's when nginx is in front; the direct run is reported beside it.
    verdicts = [summarize(name, calm, under, attack, args) for name, calm, under, attack in results]
    ok = verdicts[-1]
    print(f"  (tải máy trước khi đo: {load_before:.1f}; máy dùng chung thì số liệu chịu ảnh hưởng)")
    if "Traceback" in log:
        print("  máy chủ ghi lỗi (Traceback) trong nhật ký!")
        ok = False
    print(f"\nMục tiêu ({results[-1][0]}): trang tìm kiếm và bài viết p99 < {TARGET_P99_MS:.0f} ms khi bị tấn công, "
          f"API từ chối khi bận: {'ĐẠT' if ok else 'CHƯA ĐẠT'} (CPU: {os.cpu_count()})")
    return 0 if ok else 1


def run(name: str, base: str, own_addresses: bool, paths: list[tuple[str, str]], articles: list[str], text: str,
        args: argparse.Namespace) -> tuple[str, Timings, Timings, Attack]:
    for path in articles:  # what a visitor finds: article pages in every worker's cache
        for _ in range(4):
            httpx.get(base + path, timeout=30)
    chars = f"{args.chars:,}".replace(",", ".")
    print(f"[{name}] Đo {args.calm_seconds:.0f} s khi yên tĩnh, rồi {args.seconds:.0f} s khi {args.attackers} máy "
          f"gửi liên tục yêu cầu đọc {chars} ký tự…", flush=True)
    calm, _ = measure(base, paths, args.calm_seconds, args.readers, args.pause, own_addresses=own_addresses)
    under, attack = measure(base, paths[len(paths) // 2:] + paths[:len(paths) // 2], args.seconds,
                            args.readers, args.pause, args.attackers, text, own_addresses)
    return name, calm, under, attack


def summarize(name: str, calm: Timings, under: Timings, attack: Attack, args: argparse.Namespace) -> bool:
    print(f"\n=== {name} ===")
    report("Khi yên tĩnh", calm)
    ok = report(f"Khi {args.attackers} máy gửi yêu cầu đọc {args.chars:,} ký tự liên tục".replace(",", "."), under)
    answered = sum(attack.statuses.values())
    print(f"\n  API đọc văn bản: {answered} câu trả lời {dict(sorted(attack.statuses.items()))}, lỗi kết nối "
          f"{attack.errors}, {attack.audio_bytes / 1e6:.1f} MB âm thanh")
    refused = sum(count for status, count in attack.statuses.items() if status in (429, 503))
    shed = refused > 0 and attack.statuses.get(200, 0) > 0
    return ok and shed


if __name__ == "__main__":
    sys.exit(main())
