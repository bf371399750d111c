"""Benchmark the read-aloud feature on a fresh demo site, served as `make run` serves it.

    .venv/bin/python bench/readaloud.py                  # everything, 20 s of Range requests
    .venv/bin/python bench/readaloud.py --duration 5     # shorter load test

Prints:
1. start -> ready: seconds from `loa serve` starting (gunicorn + db_worker) to the seed
   article's default-voice audio being ready (acceptance: within 10 s);
2. publish -> ready: seconds from publishing an edit of the seed article to its audio being
   ready, with an empty sentence cache (every sentence synthesized) and with a warm one
   (one paragraph changed) (target: within 3 s);
3. time to first byte of POST /v1/audio/speech for the whole seed article (target: 300 ms);
4. audio requests per second with random Range requests (wrk, 20 s, loopback; target 2,000).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.serverproc import loa_serve, prepare_site  # noqa: E402

SEED_TEXT = ROOT / "loa" / "pages" / "demo" / "seed-article.txt"
SEED_SLUG = "bao-cao-chinh-tri-dai-hoi-dang-bo-co-so-hdnd-tinh-lan-thu-i"
RANGE_LUA = """
math.randomseed(os.time())
local size = tonumber(os.getenv("AUDIO_SIZE"))
request = function()
  local first = math.random(0, size - 65537)
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + 65535) })
end
local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f non2xx=%d\\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
"""


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
    import django

    django.setup()


def seed_page():
    from loa.pages.models import ArticlePage

    return ArticlePage.objects.get(slug=SEED_SLUG)


def wait_ready(page_id: int, timeout: float = 120.0, not_key: str | None = None) -> float:
    """Poll the database until the default voice is ready; returns the monotonic time it was seen."""
    from django.db import close_old_connections

    from loa.readaloud.models import Narration
    from loa.readaloud.narration.keys import default_voice_id

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        close_old_connections()
        row = Narration.objects.filter(page_id=page_id, voice=default_voice_id()).values("state", "key").first()
        if row and row["state"] == "ready" and row["key"] != not_key:
            return time.monotonic()
        time.sleep(0.01)
    raise SystemExit(f"audio of page {page_id} not ready within {timeout} s")


def current_key(page_id: int) -> str:
    from loa.readaloud.models import Narration

    return Narration.objects.get(page_id=page_id, voice="vi-south-male").key


def publish_edit(page_id: int, marker: str) -> float:
    """Change the first paragraph of the seed article and publish; returns when publish() returned."""
    from loa.pages.models import ArticlePage

    page = ArticlePage.objects.get(pk=page_id)
    body = page.body.raw_data
    for block in body:
        if block["type"] == "paragraph":
            block["value"]["text"] = block["value"]["text"].replace("</p>", f" {marker}</p>", 1)
            break
    page.body = body
    revision = page.save_revision()
    started = time.monotonic()
    revision.publish()
    return started


def measure_speech_first_byte(base: str, text: str, runs: int = 5) -> list[float]:
    import httpx

    times = []
    with httpx.Client(timeout=60) as client:
        for _ in range(runs):
            started = time.perf_counter()
            with client.stream("POST", f"{base}/v1/audio/speech",
                               json={"model": "tts-1", "input": text, "voice": "vi-south-male"}) as response:
                response.raise_for_status()
                first = None
                for chunk in response.iter_raw():
                    if chunk and first is None:
                        first = time.perf_counter() - started
                times.append(first)
    return times


def measure_ranges(url: str, size: int, duration: int, connections: int) -> tuple[float, str]:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(RANGE_LUA)
    try:
        out = subprocess.run(
            [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "-s", script.name, url],
            env={**os.environ, "AUDIO_SIZE": str(size)}, capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    rps = float(next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec:")))
    summary = next((line for line in out.splitlines() if line.startswith("p50_ms=")), "")
    return rps, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=20, help="seconds of Range requests (default 20)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="loa-bench-readaloud-"))
    cache_dir = data_dir / "readaloud-cache"
    env = {"LOA_DATA_DIR": str(data_dir), "READALOUD_CACHE_DIR": str(cache_dir), "LOA_ADMIN_PASSWORD": "bench-admin-1",
           "DATABASE_URL": f"sqlite:///{data_dir / 'loa.sqlite3'}"}
    child_env = {**os.environ, **env}
    with ExitStack() as stack:
        if not args.keep:
            stack.callback(shutil.rmtree, data_dir, ignore_errors=True)
        print(f"Preparing a fresh demo site in {data_dir} (migrate, demo content)…", flush=True)
        prepare_site(child_env)
        setup_django(env)
        page_id = seed_page().pk

        started = time.monotonic()
        base = stack.enter_context(loa_serve(child_env, log_dir=data_dir)).base_url
        start_to_ready = wait_ready(page_id) - started

        time.sleep(1.5)  # let the worker finish the other demo articles
        shutil.rmtree(cache_dir, ignore_errors=True)
        old = current_key(page_id)
        published = publish_edit(page_id, "(cập nhật lần một)")
        cold = wait_ready(page_id, not_key=old) - published

        old = current_key(page_id)
        published = publish_edit(page_id, "(cập nhật lần hai)")
        warm = wait_ready(page_id, not_key=old) - published

        text = SEED_TEXT.read_text(encoding="utf-8")
        first_bytes = measure_speech_first_byte(base, text)

        from loa.readaloud.models import Narration
        from loa.readaloud.narration.audio_store import audio_path, audio_url

        narration = Narration.objects.get(page_id=page_id, voice="vi-south-male")
        size = audio_path(narration.audio_name).stat().st_size
        rps, latency = measure_ranges(base + audio_url(narration.audio_name), size, args.duration, args.connections)

        cpus = os.cpu_count()
        print()
        print(f"Read-aloud benchmark ({cpus} CPUs, gunicorn as `loa serve` runs it, SQLite)")
        print(f"  seed article: {narration.sentence_count} sentences, {narration.duration / 60:.1f} min of audio, "
              f"{size / 1e6:.1f} MB MP3")
        print(f"  server start -> seed audio ready:          {start_to_ready:6.2f} s   (acceptance: <= 10 s)")
        print(f"  publish -> ready, empty sentence cache:    {cold:6.2f} s   (target: <= 3 s)")
        print(f"  publish -> ready, one paragraph changed:   {warm:6.2f} s")
        print(f"  /v1/audio/speech first byte, seed article: {statistics.median(first_bytes) * 1000:6.0f} ms median, "
              f"{max(first_bytes) * 1000:.0f} ms max of {len(first_bytes)}   (target: <= 300 ms)")
        print(f"  Range requests (64 KiB, random offsets):   {rps:8.0f} req/s over {args.duration} s, "
              f"{args.connections} connections; {latency}   (target: >= 2,000)")


if __name__ == "__main__":
    main()
