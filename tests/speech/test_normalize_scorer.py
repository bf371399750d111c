"""The shared scorer on the development set, through the real `loa normalize` command."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "tn" / "score.py"
DEV = SHARED / "tn" / "dev.tsv"


@pytest.mark.skipif(not SCORER.exists() or not DEV.exists(), reason=f"{SHARED / 'tn'} is absent (not checked out next to the repo)")
@pytest.mark.parametrize("region", ["north", "central", "south"])
def test_dev_set_accuracy(region):
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--show", "0", "--cmd", f"{sys.executable} -m loa.cli normalize",
         "--region", region, str(DEV)],
        capture_output=True, text=True, timeout=300,
    )
    found = re.search(r"accuracy ([0-9.]+)", proc.stdout)
    assert found, proc.stdout + proc.stderr
    assert float(found.group(1)) >= 0.98, proc.stdout
