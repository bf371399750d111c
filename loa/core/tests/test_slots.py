"""Concurrency slots shared by processes: capacity, leases, renewal, and a killed holder's slot coming back."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bench.serverproc import scratch_database, server_env
from loa.core import slots

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_capacity_bounds_the_holders_and_release_frees_a_slot():
    first = slots.acquire("t", 2, lease_seconds=30)
    second = slots.acquire("t", 2, lease_seconds=30)
    assert first and second and first.number != second.number
    assert slots.acquire("t", 2, lease_seconds=30) is None
    assert slots.acquire("other", 2, lease_seconds=30) is not None  # scopes are independent
    assert slots.holders("t") == 2
    slots.release(first)
    slots.release(first)  # twice is harmless, and does not free someone else's slot
    third = slots.acquire("t", 2, lease_seconds=30)
    assert third is not None and third.number == first.number
    assert slots.acquire("t", 2, lease_seconds=30) is None
    assert slots.acquire("t", 0, lease_seconds=30) is None


@pytest.mark.django_db
def test_an_expired_lease_is_free_and_its_old_holder_cannot_renew_or_release_it():
    stale = slots.acquire("t", 1, lease_seconds=10, now=1000.0)
    assert slots.acquire("t", 1, lease_seconds=10, now=1005.0) is None
    assert slots.renew(stale, now=1008.0)  # renewed before it ran out: held until 1018
    assert slots.acquire("t", 1, lease_seconds=10, now=1015.0) is None
    taker = slots.acquire("t", 1, lease_seconds=10, now=1019.0)
    assert taker is not None
    assert not slots.renew(stale, now=1020.0)
    slots.release(stale)
    assert slots.acquire("t", 1, lease_seconds=10, now=1021.0) is None  # still the taker's


HOLD = textwrap.dedent("""
    import sys, time, django
    django.setup()
    from loa.core import slots
    lease = slots.acquire("speech", 1, lease_seconds=float(sys.argv[1]))
    print("held" if lease else "busy", flush=True)
    time.sleep(600)
""")
TRY = textwrap.dedent("""
    import django
    django.setup()
    from loa.core import slots
    print("held" if slots.acquire("speech", 1, lease_seconds=30) else "busy")
""")


def test_a_killed_process_gives_its_slot_back_when_the_lease_runs_out(tmp_path):
    """Real processes on one database: the holder is SIGKILLed, so it never releases; its lease runs out."""
    with scratch_database(os.environ.get("DATABASE_URL")) as database_url:
        env = {**server_env(database_url, tmp_path, {}), "DJANGO_SETTINGS_MODULE": "loa.site.settings", "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "django", "migrate", "core", "--noinput", "-v0"], env=env, check=True,
                       capture_output=True, timeout=180)

        def try_once() -> str:
            return subprocess.run([sys.executable, "-c", TRY], env=env, capture_output=True, text=True, check=True,
                                  timeout=60).stdout.strip()

        lease_seconds = 10.0
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lease_seconds)], env=env, stdout=subprocess.PIPE,
                                  text=True)
        try:
            assert holder.stdout.readline().strip() == "held"
            held_at = time.monotonic()
            holder.send_signal(signal.SIGKILL)
            holder.wait(10)
            answer = try_once()
            if time.monotonic() - held_at < lease_seconds:  # on a very busy machine the lease may be over already
                assert answer == "busy"  # the dead process's lease has not run out yet
            deadline_passed = False
            for _ in range(40):  # a new process gets the slot once the lease has run out
                if try_once() == "held":
                    deadline_passed = True
                    break
            assert deadline_passed
        finally:
            if holder.poll() is None:
                holder.kill()
