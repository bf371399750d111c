"""Benchmark the widget: one script tag on an existing portal, served as `make run` serves Loa.

    .venv/bin/python bench/widget.py             # 5 unseen and 10 cached articles
    .venv/bin/python bench/widget.py --runs 3

A host portal (tests/support/hostportal, the reference-shaped site) runs on its own loopback
origin; Loa (`loa serve`: gunicorn + task worker) on another. Each "press of play" is what the
script does: GET /api/widget/v1/narration with the portal's Origin, then, following the answer's
`retry_after` as the script does, the growing stream or the finished file, until the first audio
byte arrives. Prints:

1. play -> first audio, unseen article (fetch + extract + first sentence, eSpeak NG; target <= 2 s);
2. play -> first audio, cached article (audio ready; target <= 300 ms);
3. /widget/v1.js and /widget/v1/stats.js as sent (gzip) and as written (target: < 15 kB compressed).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tests.support.hostportal import HostSite  # noqa: E402
from tests.support.serverproc import loa_serve, prepare_site  # noqa: E402

ARTICLE = (ROOT / "tests" / "support" / "hostportal" / "cong-thong-tin" / "tin-tuc.html").read_text(encoding="utf-8")


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
    import django

    django.setup()


def unseen_article(host: HostSite, n: int) -> str:
    """A new article on the portal whose every sentence is new to the sentence cache."""
    path = f"/tin-moi-{n}.html"
    marker = f"Bản tin số {n + 1} ngày {n % 28 + 1} tháng {n % 12 + 1}"
    host.pages[path] = ARTICLE.replace("<p>", f"<p>{marker}: ").replace("<li>", f"<li>{marker}: ")
    return host.url(path)


def press_play(client: httpx.Client, base: str, key: str, origin: str, url: str) -> tuple[float, str]:
    """Seconds from the first API request to the first audio byte, and which audio it was (stream/file)."""
    started = time.perf_counter()
    params = {"site": key, "url": url}
    while True:
        answer = client.get(f"{base}/api/widget/v1/narration", params=params, headers={"Origin": origin})
        if answer.status_code != 200:
            raise SystemExit(f"{answer.status_code}: {answer.text}")
        data = answer.json()
        source = data.get("audio_url") or data.get("stream_url")
        if data["status"] == "failed":
            raise SystemExit(f"narration failed: {data}")
        if source:
            with client.stream("GET", source, headers={"Origin": origin}) as audio:
                for chunk in audio.iter_raw():
                    if chunk:
                        return time.perf_counter() - started, "file" if data.get("audio_url") else "stream"
        time.sleep(float(data.get("retry_after") or 1))


def script_sizes(client: httpx.Client, base: str) -> list[tuple[str, int, int]]:
    sizes = []
    for path in ("/widget/v1.js", "/widget/v1/stats.js"):
        sent = client.get(base + path, headers={"Accept-Encoding": "gzip"})
        compressed = int(sent.headers.get("Content-Length") or len(sent.content))
        sizes.append((path, compressed, len(sent.content)))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="unseen articles (default 5); cached: twice as many")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="loa-bench-widget-"))
    env = {"LOA_DATA_DIR": str(data_dir), "READALOUD_CACHE_DIR": str(data_dir / "readaloud-cache"),
           "LOA_ADMIN_PASSWORD": "bench-admin-1", "DATABASE_URL": f"sqlite:///{data_dir / 'loa.sqlite3'}",
           "WIDGET_CLIENT_RATE_LIMIT": "100000", "WIDGET_SITE_FETCH_BUDGET": "100000"}
    child_env = {**os.environ, **env}
    with ExitStack() as stack:
        if not args.keep:
            stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
        print(f"Preparing a fresh site in {data_dir} (migrate, demo content)…", flush=True)
        prepare_site(child_env)
        setup_django(env)
        server = stack.enter_context(loa_serve(child_env, log_dir=data_dir))
        base = server.base_url
        host = HostSite("cong-thong-tin", base).start()
        stack.callback(host.stop)

        from loa.widget.models import WidgetSite

        site = WidgetSite.objects.create(name="Cổng thông tin (bench)", origins=host.origin, private_network=True,
                                         article_selector=".news-detail", skip_selectors=".tin-lien-quan")
        host.key = site.key
        client = stack.enter_context(httpx.Client(timeout=60))
        time.sleep(3)  # the worker finishes the demo articles' audio first
        press_play(client, base, site.key, host.origin, unseen_article(host, 999))  # warm-up: first synthesis
        unseen, kinds, cached = [], [], []
        for n in range(args.runs):
            seconds, kind = press_play(client, base, site.key, host.origin, unseen_article(host, n))
            unseen.append(seconds)
            kinds.append(kind)
        time.sleep(2)  # the narrations finish
        for n in range(args.runs * 2):
            seconds, kind = press_play(client, base, site.key, host.origin, host.url(f"/tin-moi-{n % args.runs}.html"))
            assert kind == "file", kind
            cached.append(seconds)
        sizes = script_sizes(client, base)

    cpus = os.cpu_count()
    load = os.getloadavg()[0]
    print()
    print(f"Widget benchmark ({cpus} CPUs, load average {load:.1f}: the machine is shared with other sessions; "
          "`loa serve`, SQLite, eSpeak NG)")
    print(f"  play -> first audio, unseen article:  {statistics.median(unseen) * 1000:6.0f} ms median, "
          f"{max(unseen) * 1000:.0f} ms max of {len(unseen)} ({', '.join(sorted(set(kinds)))})   (target: <= 2000 ms)")
    print(f"  play -> first audio, cached article:  {statistics.median(cached) * 1000:6.0f} ms median, "
          f"{max(cached) * 1000:.0f} ms max of {len(cached)}   (target: <= 300 ms)")
    for path, compressed, plain in sizes:
        print(f"  {path:<22} {compressed / 1000:5.1f} kB gzip, {plain / 1000:5.1f} kB as written   (target: < 15 kB gzip)")


if __name__ == "__main__":
    main()
