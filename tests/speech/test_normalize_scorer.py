"""The shared scorer, through the real `loa normalize` command, on the development set and
on tests/speech/data/tn_extra.tsv (sentences beyond dev.tsv: every number shape, date and
time form, Roman numeral trigger, document type, unit and abbreviation) and
tests/speech/data/tn_extra2.tsv (a blind set of mixed, punctuation-heavy sentences)."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared"
SCORER = SHARED / "tn" / "score.py"
DEV = SHARED / "tn" / "dev.tsv"
EXTRA = HERE / "data" / "tn_extra.tsv"
EXTRA2 = HERE / "data" / "tn_extra2.tsv"
EXTRAS = [EXTRA, EXTRA2]
# Smallest row count each extra set must keep.
MIN_ROWS = {EXTRA: 150, EXTRA2: 80}
REGIONS = ["north", "central", "south"]


def accuracy(tsv: Path, region: str) -> tuple[float, str]:
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--show", "10", "--cmd", f"{sys.executable} -m loa.cli normalize",
         "--region", region, str(tsv)],
        capture_output=True, text=True, timeout=300,
    )
    found = re.search(r"accuracy ([0-9.]+)", proc.stdout)
    assert found, proc.stdout + proc.stderr
    return float(found.group(1)), proc.stdout


needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason=f"{SHARED / 'tn'} is absent (not checked out next to the repo)")


@needs_scorer
@pytest.mark.parametrize("region", REGIONS)
def test_dev_set_accuracy(region):
    score, report = accuracy(DEV, region)
    assert score >= 0.98, report


@needs_scorer
@pytest.mark.parametrize("extra", EXTRAS, ids=lambda p: p.stem)
@pytest.mark.parametrize("region", REGIONS)
def test_extra_set_accuracy(region, extra):
    score, report = accuracy(extra, region)
    assert score >= 0.97, report


@pytest.mark.parametrize("extra", EXTRAS, ids=lambda p: p.stem)
def test_extra_set_is_well_formed(extra):
    rows = [line.split("\t") for line in extra.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) >= MIN_ROWS[extra]
    assert all(len(row) == 3 and row[2].strip() for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    # Gold is spoken words only.
    assert not any(re.search(r"[0-9%/&]", row[2]) for row in rows)
