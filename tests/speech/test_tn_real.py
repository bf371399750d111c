"""Real text: sentences copied from public pages of state bodies and the press (tn_real_SOURCES.md).

The parts are named in SETS (the part `name` is tn_real_<name>.tsv, round one's development part
tn_real.tsv): the development parts of every round (tn_real_heldout.tsv was round one's held-out part
and is tuning data since round two), and the held-out parts in UNSHOWN, which hold other pages and are
never tuned on. Which round collected each part is in tn_real_SOURCES.md.
The normalizer does not read them all right yet, so the sets ratchet: an id listed in
tn_real_passing.txt has passed and must keep passing in every region; the rates are printed.
After an improvement, record the new passes (the file only grows):

    .venv/bin/python tests/speech/test_tn_real.py --update
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from tn_scoring import Score, read_set, score_set

DATA = Path(__file__).resolve().parent / "data"
# In the order they were collected (the printed rates follow it).
PARTS = ("dev", "heldout", "heldout2", "dev3", "dev4", "dev5", "dev6", "heldout3", "dev7", "dev8", "dev9", "heldout4",
         "dev10", "dev11", "dev13", "dev12", "dev14", "dev15", "heldout5", "dev16", "dev17")
SETS = {name: DATA / ("tn_real.tsv" if name == "dev" else f"tn_real_{name}.tsv") for name in PARTS}
# The held-out part is scored, never shown: its regressions and misses are reported by id only.
UNSHOWN = frozenset({"heldout2", "heldout3", "heldout4", "heldout5"})
PAGES = DATA / "tn_real_pages.txt"
RATCHET = DATA / "tn_real_passing.txt"
REGIONS = ("north", "central", "south")
SOURCE = re.compile(r"^# source (p\d{3,4}): (https?://\S+)$")


@cache
def scored(name: str, region: str) -> Score:
    return score_set(SETS[name], region)


def ratchet() -> set[str]:
    return {line.strip() for line in RATCHET.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def pages_of(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Page id -> (url, row ids), from the '# source' lines above each page's rows."""
    pages: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if found := SOURCE.match(line):
            current = found.group(1)
            pages[current] = (found.group(2), [])
        elif line and not line.startswith("#"):
            assert current, f"{path.name}: a row before any source line: {line[:60]}"
            pages[current][1].append(line.split("\t")[0])
    return pages


def error_rate(score: Score) -> float:
    return 1 - score.accuracy


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("name", SETS)
def test_passing_sentences_keep_passing(name, region, capsys):
    score = scored(name, region)
    with capsys.disabled():
        print(f"\n{SETS[name].name} [{region}]: sentence error rate {error_rate(score):.3f} "
              f"({score.total - score.right}/{score.total} misread)")
    regressed = [m for m in score.misses if m.row.ident in ratchet()]
    if name in UNSHOWN:
        assert not regressed, f"{SETS[name].name} regressed (ids only): {' '.join(m.row.ident for m in regressed)}"
    assert not regressed, "\n".join(f"{m.row.ident}\n  in:   {m.row.written}\n  gold: {m.row.golds[0]}\n  got:  {m.spoken}"
                                    for m in regressed)


@pytest.mark.parametrize("name", SETS)
def test_set_is_well_formed(name):
    rows = [line.split("\t") for line in SETS[name].read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert all(len(row) == 3 and row[1].strip() and row[2].strip() for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    assert not any(re.search(r"[0-9%/&]", row[2]) for row in rows)  # gold is spoken words only
    assert all(row[0].startswith("r") for row in rows)


def hosts_of(pages: dict[str, tuple[str, list[str]]]) -> set[str]:
    return {re.sub(r"^https?://(www\.)?", "", url).split("/")[0] for url, _ in pages.values()}


# The least sentences, pages and hosts of each part after round one.
LATER_PARTS = {
    "heldout2": (250, 80, 40),  # round two's held-out part
    "dev3": (150, 50, 40),  # round three
    "dev4": (200, 80, 40),  # round four
    "dev5": (120, 50, 40),  # round five: state bodies
    "dev6": (120, 50, 40),  # round five: the press
    "heldout3": (250, 100, 80),  # the third held-out part, collected after round five
    "dev7": (120, 50, 40),  # round six: sectors the earlier rounds used little
    "dev8": (120, 50, 40),  # round seven: state bodies
    "dev9": (120, 50, 40),  # round seven: the press
    "heldout4": (200, 90, 70),  # the fourth held-out part, collected in round seven
    "dev10": (120, 50, 40),  # round eight
    "dev11": (120, 50, 40),  # round eight, more of the press
    "dev12": (120, 50, 40),  # round nine: state bodies and the press
    "dev13": (120, 50, 40),  # round nine: the press
    "dev14": (120, 50, 40),  # round ten: state bodies
    "dev15": (120, 50, 40),  # round ten: the press and sectors
    "heldout5": (200, 120, 100),  # the fifth held-out part, collected in round ten
    "dev16": (120, 50, 40),  # round ten: a broad mix from provinces the earlier rounds used little
    "dev17": (120, 50, 40),  # round ten: provinces and sectors the earlier rounds used little
}


def test_sizes_sources_and_split():
    parts = {name: pages_of(path) for name, path in SETS.items()}
    rows = {name: read_set(path) for name, path in SETS.items()}
    # Round one: 622 sentences, about 30 % of them held out by page.
    assert len(rows["dev"]) + len(rows["heldout"]) >= 600
    assert 0.25 <= len(rows["heldout"]) / (len(rows["dev"]) + len(rows["heldout"])) <= 0.35
    # Every later part: new pages from many hosts (not from one site).
    for name, (least_rows, least_pages, least_hosts) in LATER_PARTS.items():
        assert len(rows[name]) >= least_rows and len(parts[name]) >= least_pages, name
        assert len(hosts_of(parts[name])) >= least_hosts, f"{name}: not from one site"
    assert len(hosts_of({p: v for pages in parts.values() for p, v in pages.items()})) >= 40
    for one, other in itertools.combinations(parts, 2):
        assert not set(parts[one]) & set(parts[other]), f"a page is in both {one} and {other}"
        assert not {url for url, _ in parts[one].values()} & {url for url, _ in parts[other].values()}, \
            f"a URL is in both {one} and {other}"
    # Every row's id names its page, and the index agrees with the files.
    for pages in parts.values():
        for page, (_, ids) in pages.items():
            assert ids and all(ident.startswith(f"r{page[1:]}-") for ident in ids)
    index = {cols[0]: (cols[1], int(cols[2]), cols[3]) for cols in
             (line.split("\t") for line in PAGES.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))}
    assert index == {page: (name, len(ids), url) for name, pages in parts.items() for page, (url, ids) in pages.items()}


def test_ratchet_names_existing_sentences():
    known = {row.ident for path in SETS.values() for row in read_set(path)}
    assert ratchet() <= known


def flagged_line(name: str) -> str:
    """How many misreadings an editor is warned of: a misread sentence with at least one guess in
    "Cách đọc cần kiểm tra" (the guess may be another word of it), and the warnings on sentences read right."""
    from loa.speech import find_guesses

    missed = {m.row.ident for m in scored(name, "north").misses}
    rows = read_set(SETS[name])
    warned = {row.ident for row in rows if find_guesses(row.written)}
    return (f"  misread with a guess listed: {len(missed & warned)}/{len(missed)}; misread with none: "
            f"{len(missed - warned)}/{len(rows)}; read right but with a guess listed: {len(warned - missed)}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Score the real-text sets; --update records new passes.")
    parser.add_argument("--update", action="store_true", help="add every id that passes in all regions")
    parser.add_argument("--show", type=int, default=0, help="misses to show per set (north; never the held-out part)")
    parser.add_argument("--flagged", action="store_true",
                        help="also count the misread sentences in which the editor's panel lists a guess")
    args = parser.parse_args()
    passing: set[str] = set()
    for name in SETS:
        for region in REGIONS:
            score = scored(name, region)
            print(f"{SETS[name].name} [{region}]: sentence error rate {error_rate(score):.3f} "
                  f"({score.total - score.right}/{score.total})")
        if args.flagged:
            print(flagged_line(name))
        if args.show and name not in UNSHOWN:
            print(scored(name, "north").report(args.show))
        missed = {m.row.ident for region in REGIONS for m in scored(name, region).misses}
        passing |= {row.ident for row in read_set(SETS[name])} - missed
    lost = ratchet() - passing
    if lost:
        print(f"regressed: {' '.join(sorted(lost))}")
        return 1
    if args.update:
        header = "# Ids of tn_real*.tsv sentences that have passed in every region; they must keep passing.\n"
        RATCHET.write_text(header + "".join(f"{i}\n" for i in sorted(passing | ratchet())), encoding="utf-8")
        print(f"{RATCHET.name}: {len(passing | ratchet())} ids")
    return 0


if __name__ == "__main__":
    sys.exit(main())
