"""Lighthouse (mobile preset) on a real `loa serve`: home, a category page and the seed article.

Not part of `make test`. Needs Lighthouse from npm outside the repository and Debian's chromium:

    npm install --prefix ~/loa-tools/lighthouse lighthouse@12
    .venv/bin/python bench/lighthouse.py --lighthouse ~/loa-tools/lighthouse/node_modules/.bin/lighthouse

Prints the four category scores per page (median of `--runs` runs for performance) and every
audit that did not pass, so a regression says what to fix.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loa.pages.demo.content import SEED_ARTICLE
from tests.support.serverproc import loa_serve, prepare_site, server_env

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/",
    "category": f"/{SEED_ARTICLE.category}/",
    "article": f"/{SEED_ARTICLE.category}/{SEED_ARTICLE.slug}/",
}


def find_lighthouse(given: str | None) -> str:
    for candidate in (given, os.environ.get("LIGHTHOUSE"), shutil.which("lighthouse"),
                      str(Path.home() / "loa-tools/lighthouse/node_modules/.bin/lighthouse")):
        if candidate and Path(candidate).expanduser().exists():
            return str(Path(candidate).expanduser())
    sys.exit("Lighthouse not found: npm install lighthouse (outside the repository), then pass --lighthouse PATH")


def run_lighthouse(lighthouse: str, url: str, out: Path, chrome: str, attempts: int = 3) -> dict:
    """One Lighthouse run; its occasional trace failures (NO_NAVSTART, NO_FCP) are tried again."""
    command = [
        lighthouse, url, "--output=json", f"--output-path={out}", "--quiet",
        "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    for attempt in range(attempts):
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
        if done.returncode == 0:
            report = json.loads(out.read_text())
            if not report.get("runtimeError"):
                return report
        print(f"          (Lighthouse failed on {url}, attempt {attempt + 1} of {attempts})", file=sys.stderr)
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")


def scores(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def failing_audits(report: dict) -> list[str]:
    failed = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 0.9:
                failed.append(f"{ref['id']} ({audit.get('displayValue') or audit['score']})")
    return sorted(set(failed))


def wait_for_audio(base_url: str, timeout: float = 300) -> None:
    """Until the seed article's default-voice audio is ready (the worker makes it after the first start)."""
    deadline = time.monotonic() + timeout
    html = httpx.get(base_url + PAGES["article"], timeout=10).text
    api = html.split('data-api="', 1)[1].split('"', 1)[0]
    while time.monotonic() < deadline:
        if httpx.get(base_url + api, timeout=10).json()["status"] == "ready":
            return
        time.sleep(1)
    raise RuntimeError("the seed article's audio was not ready in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lighthouse", help="path of the lighthouse executable")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median performance is shown)")
    parser.add_argument("--keep", help="folder for the JSON reports")
    parser.add_argument("--page", choices=sorted(PAGES), action="append", help="only these pages")
    args = parser.parse_args()
    lighthouse = find_lighthouse(args.lighthouse)
    reports_dir = Path(args.keep or tempfile.mkdtemp(prefix="loa-lighthouse-"))
    reports_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="loa-lighthouse-data-") as data:
        env = server_env(f"sqlite:///{data}/loa.sqlite3", Path(data), {"LOA_WORKERS": "2", "LOA_THREADS": "4"})
        prepare_site(env)
        with loa_serve(env) as server:
            wait_for_audio(server.base_url)
            for name in args.page or PAGES:
                runs = []
                for k in range(args.runs):
                    out = reports_dir / f"{name}-{k}.json"
                    runs.append(run_lighthouse(lighthouse, server.base_url + PAGES[name], out, args.chrome))
                per_run = [scores(r) for r in runs]
                best = {c: statistics.median_low(s[c] for s in per_run) for c in CATEGORIES}
                line = "  ".join(f"{c} {best[c]:3d}" for c in CATEGORIES)
                print(f"{name:9s} {PAGES[name]:70.70s} {line}")
                median_run = runs[[s["performance"] for s in per_run].index(best["performance"])]
                for audit in failing_audits(median_run):
                    print(f"          not passed: {audit}")
    print(f"reports: {reports_dir}")


if __name__ == "__main__":
    main()
