"""Load-test the portal on loopback: home, the seed article, the document library (unfiltered and
filtered), a document page, and kiến nghị cử tri (/kien-nghi/, unfiltered and with two filters; their
uncached render time is measured too, one request at a time).

    .venv/bin/python bench/pages.py                 # fresh demo site in a temp dir, gunicorn, wrk, 20 s per page
    .venv/bin/python bench/pages.py --url http://127.0.0.1:8000   # an already running server
    .venv/bin/python bench/pages.py --duration 5 --connections 32 --workers 3
    .venv/bin/python bench/pages.py --via-nginx     # the seed article: nginx static file | Loa direct | Loa via nginx

The server is the production one (`loa serve`: gunicorn, gthread workers, whole-page
cache for anonymous visitors). The load generator is `wrk` (Debian package `wrk`);
without it a Python generator (httpx, threads) runs instead and says so loudly: it
saturates a CPU itself, so its figures understate the server.
Target on a 2-core machine: article page >= 1,000 req/s with p99 < 50 ms.

--via-nginx puts nginx with the shipped site config (deploy/nginx/loa.conf, its 5-second
micro-cache included) in front of the same server and measures, in one run, the seed
article's HTML as a static file served by nginx, the article from Loa directly, and the
article through nginx. Target: through nginx >= 50 % of nginx's static-file rate.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.nginxproc import running_nginx  # noqa: E402
from tests.support.serverproc import loa_command, loa_serve, prepare_site  # noqa: E402

SEED_SLUG = "bao-cao-chinh-tri-dai-hoi-dang-bo-co-so-hdnd-tinh-lan-thu-i"
DOCUMENT_SLUG = "nghi-quyet-25-2024-du-toan-ngan-sach-2025"
LIBRARY_FILTERED = "/van-ban/?loai=nghi-quyet&nam=2025&linh_vuc=dau-tu-cong"
PETITIONS_FILTERED = "/kien-nghi/?dia-ban=tan-phu&qua-han=1"
UNCACHED_SAMPLES = 30
TARGET_RPS, TARGET_P99_MS = 1000, 50.0
TARGET_NGINX_SHARE = 0.5  # Loa via nginx, as a share of nginx serving the same HTML as a static file


@dataclass
class Result:
    name: str
    url: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def page_url(base: str, page_type: str, slug: str) -> str:
    response = httpx.get(f"{base}/api/v2/pages/", params={"type": page_type, "slug": slug, "fields": "_,html_url"},
                         timeout=10)
    items = response.json().get("items", [])
    if not items:
        raise SystemExit(f"không tìm thấy trang {slug} (nội dung mẫu) trên máy chủ này")
    path = re.sub(r"^https?://[^/]+", "", items[0]["meta"]["html_url"])
    return base + path


def seed_article_url(base: str) -> str:
    return page_url(base, "pages.ArticlePage", SEED_SLUG)


@contextmanager
def local_server(args: argparse.Namespace) -> Iterator[tuple[str, Path]]:
    """A fresh demo site served by `loa serve` (no task worker); yields its base URL and data folder."""
    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="loa-bench-"))
    env = {**os.environ, "LOA_DATA_DIR": str(data_dir), "LOA_ADMIN_PASSWORD": "bench-" + os.urandom(6).hex()}
    env.pop("STATIC_ROOT", None)
    env.pop("MEDIA_ROOT", None)
    print(f"Chuẩn bị trang mẫu trong {data_dir} (migrate, collectstatic, nội dung mẫu)…", flush=True)
    prepare_site(env)
    # The document pages with their files' text, as the task worker would have made it (no audio: not measured).
    subprocess.run([*loa_command(), "extract_documents", "--now"], env=env, check=True, stdout=subprocess.DEVNULL,
                   timeout=600)
    extra = ["--no-worker"]
    if args.workers:
        extra += ["--workers", str(args.workers)]
    if args.threads:
        extra += ["--threads", str(args.threads)]
    try:
        with loa_serve(env, tuple(extra), log_dir=data_dir) as server:
            yield server.base_url, data_dir
    finally:
        if not args.data_dir:
            shutil.rmtree(data_dir, ignore_errors=True)


def parse_duration_ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(name: str, url: str, args: argparse.Namespace) -> Result:
    command = ["wrk", f"-t{args.threads_client}", f"-c{args.connections}", f"-d{args.duration}s", "--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    try:
        return _parse_wrk(name, url, output)
    except (AttributeError, ValueError):
        raise SystemExit(f"không đọc được kết quả của wrk:\n{output}") from None


def _parse_wrk(name: str, url: str, output: str) -> Result:
    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", output).group(1))
    seconds = parse_duration_ms("".join(re.search(r"requests in ([\d.]+)(\w+)", output).groups())) / 1000
    p50 = parse_duration_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = parse_duration_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(g) for g in match.groups())
    return Result(name, url, requests, seconds, p50, p99, errors, "wrk")


def run_python(name: str, url: str, args: argparse.Namespace) -> Result:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + args.duration

    def worker() -> None:
        nonlocal errors
        local, failed = [], 0
        with httpx.Client(timeout=10) as client:
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                local.append((time.perf_counter() - started) * 1000)
                failed += not ok
        with lock:
            latencies.extend(local)
            errors += failed

    began = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - began
    latencies.sort()
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Result(name, url, len(latencies), seconds, quantiles[49], quantiles[98], errors, "python-httpx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="đo máy chủ đang chạy tại địa chỉ này thay vì tự khởi động")
    parser.add_argument("--duration", type=int, default=20, help="số giây đo mỗi trang (mặc định 20)")
    parser.add_argument("--connections", type=int, default=16, help="số kết nối đồng thời (mặc định 16)")
    parser.add_argument("--threads-client", type=int, default=2, help="số luồng của wrk (mặc định 2)")
    parser.add_argument("--workers", type=int, default=0, help="số tiến trình gunicorn (mặc định như loa serve)")
    parser.add_argument("--threads", type=int, default=0, help="số luồng mỗi tiến trình gunicorn")
    parser.add_argument("--data-dir", help="dùng thư mục dữ liệu này thay vì một thư mục tạm mới")
    parser.add_argument("--python", action="store_true", help="dùng bộ tạo tải Python ngay cả khi có wrk")
    parser.add_argument("--via-nginx", action="store_true",
                        help="so sánh tệp tĩnh qua nginx, Loa trực tiếp và Loa sau nginx (deploy/nginx/loa.conf)")
    args = parser.parse_args()

    use_wrk = shutil.which("wrk") is not None and not args.python
    if not use_wrk and not args.python:
        print("!" * 78)
        print("wrk KHÔNG CÓ (apt-get install wrk): dùng bộ tạo tải Python (httpx + luồng).")
        print("Bộ tạo tải này tự chiếm CPU, nên số liệu thấp hơn năng lực thực của máy chủ.")
        print("!" * 78, flush=True)

    if args.via_nginx:
        return via_nginx(args, run_wrk if use_wrk else run_python)

    with ExitStack() as stack:
        base = args.url.rstrip("/") if args.url else stack.enter_context(local_server(args))[0]
        pages = [
            ("Trang chủ", base + "/"),
            ("Bài báo cáo chính trị", seed_article_url(base)),
            ("Thư viện văn bản", base + "/van-ban/"),
            ("Thư viện, có lọc", base + LIBRARY_FILTERED),
            ("Trang văn bản", page_url(base, "documents.DocumentPage", DOCUMENT_SLUG)),
            ("Kiến nghị", base + "/kien-nghi/"),
            ("Kiến nghị, 2 bộ lọc", base + PETITIONS_FILTERED),
        ]
        results = []
        for name, url in pages:
            for _ in range(20):  # warm the page cache of every worker
                httpx.get(url, timeout=10)
            print(f"Đo {name} trong {args.duration} s: {url}", flush=True)
            results.append((run_wrk if use_wrk else run_python)(name, url, args))
        renders = [(name, uncached_render_ms(url)) for name, url in pages[-2:]]

    print()
    print(f"{'Trang':<24} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'lỗi':>6}  công cụ")
    for r in results:
        print(f"{r.name:<24} {r.rps:>10.0f} {r.p50_ms:>9.2f} {r.p99_ms:>9.2f} {r.errors:>6}  {r.tool}")
    print()
    print(f"Không qua bộ đệm trang (mỗi lần một yêu cầu, {UNCACHED_SAMPLES} lần):")
    print(f"{'Trang':<24} {'trung vị ms':>12} {'p90 ms':>9}")
    for name, times in renders:
        print(f"{name:<24} {statistics.median(times):>12.1f} {statistics.quantiles(times, n=10)[-1]:>9.1f}")
    article, petitions = results[1], results[-1]
    ok = article.rps >= TARGET_RPS and article.p99_ms < TARGET_P99_MS and article.errors == 0
    petitions_ok = petitions.rps >= TARGET_RPS and petitions.errors == 0
    print()
    print(f"Mục tiêu bài viết: >= {TARGET_RPS} req/s, p99 < {TARGET_P99_MS:.0f} ms: {'ĐẠT' if ok else 'CHƯA ĐẠT'}"
          f" (CPU: {os.cpu_count()}, kết nối: {args.connections})")
    print(f"Mục tiêu kiến nghị có 2 bộ lọc (bộ đệm trang): >= {TARGET_RPS} req/s: "
          f"{'ĐẠT' if petitions_ok else 'CHƯA ĐẠT'}")
    return 0 if ok and petitions_ok else 1


def uncached_render_ms(url: str, samples: int = UNCACHED_SAMPLES) -> list[float]:
    """Render times of `url` past the page cache: a junk ?page= is a new cache key but renders page 1."""
    times = []
    with httpx.Client(timeout=30) as client:
        for n in range(samples):
            started = time.perf_counter()
            response = client.get(f"{url}{'&' if '?' in url else '?'}page=bench{n}-{os.getpid()}")
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200 or response.headers.get("X-Loa-Cache", "miss") != "miss":
                raise SystemExit(f"{url}: {response.status_code} {response.headers.get('X-Loa-Cache')}")
    return times


def warm(url: str, times: int = 20) -> None:
    for _ in range(times):
        httpx.get(url, timeout=10)


def via_nginx(args: argparse.Namespace, measure) -> int:
    """The seed article three ways in one run: nginx static file, Loa direct, Loa behind nginx."""
    if args.url:
        raise SystemExit("--via-nginx tự khởi động Loa và nginx; không dùng cùng --url")
    with local_server(args) as (base, data_dir):
        article = seed_article_url(base)
        path = article[len(base):]
        static_root, media_root = data_dir / "static", data_dir / "media"
        html = httpx.get(article, timeout=10).content
        (static_root / "bench-article.html").write_bytes(html)  # the same bytes, as a file
        port = int(base.rsplit(":", 1)[1])
        with running_nginx(upstream_port=port, static_root=static_root, media_root=media_root) as nginx:
            runs = [("nginx, tệp tĩnh", nginx.base_url + "/static/bench-article.html"),
                    ("Loa trực tiếp", article),
                    ("Loa sau nginx", nginx.base_url + path)]
            results = []
            for name, url in runs:
                warm(url)
                print(f"Đo {name} trong {args.duration} s: {url}", flush=True)
                results.append(measure(name, url, args))
    print()
    print(f"Bài báo cáo chính trị ({len(html) / 1000:.1f} kB HTML), {args.connections} kết nối, CPU: {os.cpu_count()}")
    print(f"{'':<18}" + "".join(f"{r.name:>18}" for r in results))
    print(f"{'req/s':<18}" + "".join(f"{r.rps:>18,.0f}" for r in results))
    print(f"{'p50 ms':<18}" + "".join(f"{r.p50_ms:>18.2f}" for r in results))
    print(f"{'p99 ms':<18}" + "".join(f"{r.p99_ms:>18.2f}" for r in results))
    print(f"{'lỗi':<18}" + "".join(f"{r.errors:>18}" for r in results))
    print(f"{'so với tệp tĩnh':<18}" + "".join(f"{r.rps / results[0].rps:>18.0%}" for r in results))
    static, proxied = results[0], results[2]
    ok = proxied.rps >= TARGET_NGINX_SHARE * static.rps and proxied.errors == 0
    print()
    print(f"Mục tiêu: Loa sau nginx >= {TARGET_NGINX_SHARE:.0%} tốc độ tệp tĩnh của nginx: "
          f"{'ĐẠT' if ok else 'CHƯA ĐẠT'} ({proxied.rps / static.rps:.0%})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
