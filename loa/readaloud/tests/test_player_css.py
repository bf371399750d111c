"""Style sheets: a `::highlight()` selector never shares a rule with its `mark` fallback.

A browser without the CSS Custom Highlight API treats `::highlight(x)` as an invalid selector and
drops the whole rule it is in, so a list `::highlight(x), mark.y { ... }` would lose the fallback too.
"""
from __future__ import annotations

import re
from pathlib import Path

import loa

RULE_RE = re.compile(r"([^{}]+)\{[^{}]*\}")
COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)


def style_sheets() -> list[Path]:
    return sorted(Path(loa.__file__).parent.glob("*/static/**/*.css"))


def mixed_highlight_rules(css: str) -> list[str]:
    css = COMMENT_RE.sub("", css)
    mixed = []
    for match in RULE_RE.finditer(css):
        selectors = [s.strip() for s in match.group(1).split(",")]
        with_highlight = [s for s in selectors if "::highlight(" in s]
        if with_highlight and len(with_highlight) != len(selectors):
            mixed.append(match.group(1).strip())
    return mixed


def test_the_checker_finds_a_mixed_rule():
    assert mixed_highlight_rules("::highlight(a), mark.b { color: red }") == ["::highlight(a), mark.b"]
    assert mixed_highlight_rules("::highlight(a) { color: red } mark.b { color: red }") == []


def test_no_style_sheet_groups_highlight_with_a_fallback():
    sheets = style_sheets()
    assert any(p.name == "player.css" for p in sheets)
    found = {str(p): rules for p in sheets if (rules := mixed_highlight_rules(p.read_text(encoding="utf-8")))}
    assert found == {}
