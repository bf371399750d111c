"""The systemd units in deploy/ are valid for systemd and start what exists in this checkout."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SHIPPED_LOA = "/srv/loa/app/.venv/bin/loa"


def test_systemd_units_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    units = sorted((DEPLOY / "systemd").iterdir())
    assert {u.name for u in units} >= {"loa-web.service", "loa-worker.service", "loa-backup.service",
                                       "loa-backup.timer"}
    for unit in units:
        text = unit.read_text()
        if unit.suffix == ".service":
            assert SHIPPED_LOA in text
        # This checkout's `loa` stands in for the installed one, so the executables exist.
        (tmp_path / unit.name).write_text(text.replace(SHIPPED_LOA, str(Path(sys.executable).parent / "loa")))
    done = subprocess.run([analyze, "verify", "--man=no", *map(str, sorted(tmp_path.iterdir()))],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


def test_web_unit_keeps_gunicorn_on_loopback_and_trusts_only_local_proxies():
    web = (DEPLOY / "systemd" / "loa-web.service").read_text()
    assert "--host 127.0.0.1" in web and "--no-worker" in web
    env = (DEPLOY / "loa.env.example").read_text()
    assert "TRUSTED_PROXIES=127.0.0.1,::1" in env and "HTTPS=1" in env and "LOA_SERVE_MEDIA=0" in env
