"""Scoring our own TN sets (tests/speech/data/tn_*.tsv) without anything outside the repo.

The comparison rules are those of the team's shared scorer (tn/score.py next to the
repository): words compared case-insensitively with punctuation ignored; the regional
spellings nghìn/ngàn, linh/lẻ, tỷ/tỉ (and quý/quí, lý/lí, kỹ/kĩ, mỹ/mĩ) folded; "mươi tư"
and "linh tư" equal to "mươi bốn", "linh bốn"; mùng/mồng dropped; tone-mark placement
ignored (hoà == hòa); hyphens count as spaces; gold alternatives separated by " | ".

The normalizer runs as the real command (`python -m loa.cli normalize --region R`), one
written line in and one spoken line out, as the shared scorer runs it.

    python tests/speech/tn_scoring.py --region south tests/speech/data/tn_web.tsv
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_FOLD = {"ngàn": "nghìn", "lẻ": "linh", "tỉ": "tỷ", "quí": "quý", "lí": "lý", "kĩ": "kỹ", "mĩ": "mỹ"}
_DROP = frozenset({"mùng", "mồng"})
_NOT_WORD = re.compile(r"[^\w\s]|_")
REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Row:
    ident: str
    written: str
    golds: tuple[str, ...]


@dataclass(frozen=True)
class Miss:
    row: Row
    spoken: str


@dataclass(frozen=True)
class Score:
    right: int
    total: int
    misses: tuple[Miss, ...]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def report(self, show: int = 10) -> str:
        lines = [f"MISS {m.row.ident}\n  in:   {m.row.written}\n  gold: {m.row.golds[0]}\n  got:  {m.spoken}"
                 for m in self.misses[:show]]
        return "\n".join(lines + [f"accuracy {self.accuracy:.3f} ({self.right}/{self.total})"])


def _syllable_key(word: str) -> str:
    """The syllable with its tone mark moved to the end, so placement doesn't matter."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = "".join(c for c in decomposed if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)) + tone


def canon(text: str) -> list[str]:
    """The words of text as the comparison sees them."""
    text = _NOT_WORD.sub(" ", unicodedata.normalize("NFC", text).lower())
    words = [_FOLD.get(w, w) for w in text.split() if w not in _DROP]
    return [_syllable_key("bốn" if w == "tư" and i and words[i - 1] in ("mươi", "linh") else w)
            for i, w in enumerate(words)]


def read_set(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        ident, written, gold = line.split("\t")
        rows.append(Row(ident, written, tuple(g.strip() for g in gold.split(" | "))))
    return rows


def normalize_lines(lines: list[str], region: str) -> list[str]:
    """The spoken lines `loa normalize` prints for lines."""
    proc = subprocess.run(
        [sys.executable, "-m", "loa.cli", "normalize", "--region", region],
        input="".join(line + "\n" for line in lines), capture_output=True, text=True, timeout=300, cwd=REPO,
    )
    if proc.returncode:
        raise RuntimeError(f"loa normalize exited {proc.returncode}: {proc.stderr[-2000:]}")
    out = proc.stdout.split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        raise RuntimeError(f"expected {len(lines)} output lines, got {len(out)}")
    return out


def score_rows(rows: list[Row], spoken: list[str]) -> Score:
    misses = tuple(Miss(row, out) for row, out in zip(rows, spoken, strict=True)
                   if canon(out) not in [canon(g) for g in row.golds])
    return Score(len(rows) - len(misses), len(rows), misses)


def score_set(path: Path, region: str, limit: int | None = None) -> Score:
    """Accuracy of `loa normalize --region region` on the first limit rows (all by default) of path."""
    rows = read_set(path)[:limit]
    return score_rows(rows, normalize_lines([row.written for row in rows], region))


def main() -> int:
    parser = argparse.ArgumentParser(description="Score loa normalize on a TN set (id, written, gold).")
    parser.add_argument("tsv", type=Path)
    parser.add_argument("--region", default="north", choices=("north", "central", "south"))
    parser.add_argument("--show", type=int, default=40)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N rows")
    args = parser.parse_args()
    print(score_set(args.tsv, args.region, args.limit).report(args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
