"""The shared scorer on tests/speech/data/tn_extra.tsv: sentences beyond dev.tsv (every number shape,
date and time form, Roman numeral trigger, document type, unit, abbreviation), through `loa normalize`."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCORER = HERE.parents[1].parent / "shared" / "tn" / "score.py"
EXTRA = HERE / "data" / "tn_extra.tsv"


def test_extra_set_is_well_formed():
    rows = [line.split("\t") for line in EXTRA.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) >= 150
    assert all(len(row) == 3 and row[2].strip() for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    # Gold is spoken words only.
    assert not any(re.search(r"[0-9%/&]", row[2]) for row in rows)


@pytest.mark.skipif(not SCORER.exists(), reason=f"{SCORER} is absent (../shared not checked out next to the repo)")
@pytest.mark.parametrize("region", ["north", "central", "south"])
def test_extra_set_accuracy(region):
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--show", "10", "--cmd", f"{sys.executable} -m loa.cli normalize",
         "--region", region, str(EXTRA)],
        capture_output=True, text=True, timeout=300,
    )
    found = re.search(r"accuracy ([0-9.]+)", proc.stdout)
    assert found, proc.stdout + proc.stderr
    assert float(found.group(1)) >= 0.97, proc.stdout
