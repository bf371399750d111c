"""Convert a plain-text article (the seed report's layout) into StreamField data.

Rules, from the seed article:
- each non-empty line is one unit; non-breaking spaces become plain spaces;
- a line without lower-case letters is a heading ("PHẦN THỨ ..." level 2, others level 3);
- lines starting with "-", "*" or "+" are list items; consecutive items with the
  same marker form one list, "+" items are the sub-points of the list above;
- a short lead-in label ending in ":" ("KHÁI QUÁT TÌNH HÌNH:", "Về Mục tiêu tổng quát:",
  the label of a list item) is set in bold, as on the source page.
"""
from __future__ import annotations

import html
import re
import uuid

MARKERS = {"-": "dash", "*": "star", "+": "plus"}
_ITEM_RE = re.compile(r"^([-*+])\s+(.*)$")
_LABEL_RE = re.compile(r"^(.{3,260}?:)(\s|$)")
MAX_HEADING_LENGTH = 150


def clean_line(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


def is_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and len(line) <= MAX_HEADING_LENGTH and all(ch.isupper() for ch in letters)


def inline_html(text: str, bold_label: bool) -> str:
    """Escaped `text`, with its lead-in label in <b> when asked and present."""
    match = _LABEL_RE.match(text) if bold_label else None
    if not match:
        return html.escape(text, quote=False)
    label, rest = match.group(1), text[match.end(1):]
    return f"<b>{html.escape(label, quote=False)}</b>{html.escape(rest, quote=False)}"


def has_label(text: str) -> bool:
    match = _LABEL_RE.match(text)
    if not match:
        return False
    label = match.group(1)
    letters = [ch for ch in label if ch.isalpha()]
    return label.startswith("Về ") or all(ch.isupper() for ch in letters)


def _block(kind: str, value: dict) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def text_to_blocks(text: str) -> list[dict]:
    """StreamField raw data (list of {"type", "value", "id"}) for `text`."""
    blocks: list[dict] = []
    current_list: dict | None = None
    for raw in text.splitlines():
        line = clean_line(raw)
        if not line:
            continue
        item = _ITEM_RE.match(line)
        if item:
            marker = MARKERS[item.group(1)]
            body = item.group(2)
            paragraph = f"<p>{inline_html(body, bold_label=True)}</p>"
            if current_list is None or current_list["value"]["marker"] != marker:
                current_list = _block("list", {
                    "marker": marker, "nested": marker == "plus", "items": [], "skip_reading": False,
                })
                blocks.append(current_list)
            current_list["value"]["items"].append({"type": "item", "value": paragraph, "id": str(uuid.uuid4())})
            continue
        current_list = None
        if is_heading(line):
            level = "h2" if line.startswith("PHẦN") else "h3"
            blocks.append(_block("heading", {"text": line, "level": level, "skip_reading": False}))
        else:
            paragraph = f"<p>{inline_html(line, bold_label=has_label(line))}</p>"
            blocks.append(_block("paragraph", {"text": paragraph, "skip_reading": False}))
    return blocks
