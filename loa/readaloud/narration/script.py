"""An article's reading script: what is read, in order, and where each piece is on the page.

Title, then the summary (the page shows it as the lead), then the body blocks in
order. Each body block is rendered with its own template, exactly as the article
page renders it, so offsets match the block element's `textContent` in the browser.
Image blocks (captions) and blocks marked "Không đọc" are left out; code and
tables inside a block are skipped (see html_text).
"""
from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.utils.html import escape

from .html_text import readable_pieces, utf16_len

TITLE_BLOCK = "title"
SUMMARY_BLOCK = "summary"
UNREAD_BLOCK_TYPES = frozenset({"image"})
UNIT_SEPARATOR = "\n"  # a line break: the speech pipeline makes each unit its own sentence(s) with a pause


@dataclass(frozen=True)
class Unit:
    block: str  # "title", "summary" or the StreamField block id
    offset: int  # where `text` starts in the block element's textContent (UTF-16 code units)
    text: str


def pieces_of(block: str, markup: str) -> list[Unit]:
    return [Unit(block, piece.offset, piece.text) for piece in readable_pieces(markup)]


def article_units(page) -> list[Unit]:
    """The units of a readable page (its live content as loaded), in reading order."""
    if hasattr(page, "readaloud_pieces"):
        return [unit for block, markup in page.readaloud_pieces() for unit in pieces_of(block, markup)]
    units = pieces_of(TITLE_BLOCK, escape(page.title))
    summary = getattr(page, "summary", "")
    if summary:
        units += pieces_of(SUMMARY_BLOCK, f"<p>{escape(summary)}</p>")
    for child in getattr(page, "body", None) or []:
        if child.block_type in UNREAD_BLOCK_TYPES or _skipped(child.value):
            continue
        units += pieces_of(child.id, str(child.render()))
    return units


def _skipped(value) -> bool:
    try:
        return bool(value.get("skip_reading"))
    except AttributeError:
        return False


def script_text(units: Iterable[Unit]) -> str:
    return UNIT_SEPARATOR.join(unit.text for unit in units)


def units_hash(units: list[Unit]) -> str:
    payload = json.dumps([asdict(unit) for unit in units], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def units_from_json(data: list[dict]) -> list[Unit]:
    return [Unit(item["block"], int(item["offset"]), item["text"]) for item in data]


def units_to_json(units: list[Unit]) -> list[dict]:
    return [asdict(unit) for unit in units]


class ScriptMap:
    """Turns offsets in the joined script text back into (block, offset in the block's textContent)."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.starts: list[int] = []
        position = 0
        for unit in units:
            self.starts.append(position)
            position += len(unit.text) + len(UNIT_SEPARATOR)

    def locate(self, start: int, end: int) -> tuple[str, int, int]:
        """(block, char_start, char_end) of the script range [start, end), which lies within one unit."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0:
            raise ValueError(f"offset {start} is before the script")
        unit = self.units[index]
        local_start = start - self.starts[index]
        local_end = min(end - self.starts[index], len(unit.text))
        return unit.block, utf16_offset(unit, local_start), utf16_offset(unit, local_end)


def utf16_offset(unit: Unit, local: int) -> int:
    """Offset in the block's textContent in UTF-16 code units, as the DOM counts (unit.offset already is)."""
    return unit.offset + utf16_len(unit.text[:local])
