"""Import speed: a generated 1,000-post WXR export into a fresh SQLite database, without narration.

    .venv/bin/python bench/importer.py [--posts 1000]

Prints articles per second and the peak resident memory of the importing process, beside the
target (1,000 articles in under 2 minutes on 2 cores). The machine is shared: say so with figures.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 120


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from loa.importer.tests.fixtures.build import wxr

    with tempfile.TemporaryDirectory(prefix="loa-bench-import-") as tmp:
        tmp = Path(tmp)
        source = tmp / "export.xml"
        source.write_text(wxr(args.posts, base="http://127.0.0.1:9", with_files=False), encoding="utf-8")
        env = {**os.environ, "LOA_DATA_DIR": str(tmp / "data"), "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
               "DJANGO_SETTINGS_MODULE": "loa.site.settings"}
        loa = [sys.executable, "-m", "loa.cli"]
        subprocess.run([*loa, "migrate", "-v", "0"], env=env, check=True, cwd=tmp)
        subprocess.run([*loa, "shell", "-c", "from loa.pages.tests.factories import make_home; make_home()"],
                       env=env, check=True, cwd=tmp)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*loa, "import", "wordpress", str(source), "--no-backfill", "--report", str(tmp / "r.csv")],
                       env=env, check=True, cwd=tmp, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(f"posts imported        {args.posts}")
    print(f"wall time             {seconds:.1f} s   (target < {TARGET_SECONDS} s for 1,000)")
    print(f"articles per second   {args.posts / seconds:.1f}   (target > {1000 / TARGET_SECONDS:.1f})")
    print(f"CPU time of the import {cpu:.1f} s   ({args.posts / cpu:.1f} articles per CPU-second; one process, one core)")
    print(f"peak RSS (children)   {peak_mb:.0f} MB")
    print(f"load average (1 min)  {load:.1f} on {os.cpu_count()} CPUs" + ("  - machine loaded" if load > 2 else ""))


if __name__ == "__main__":
    main()
