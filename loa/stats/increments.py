"""Counter keys shared by both backends, and their atomic addition into the daily rollup tables.

Keys are strings so that the same counters live in a Python Counter or a Redis hash:
  t|DAY|FIELD              daily totals (views, visits, visitors, plays, listens)
  p|DAY|PATH               page views of a path
  l|DAY|PAGE_ID|FIELD      listens of an article (plays, listens, reached_25 ... reached_100)
  c|DAY|KIND|VALUE         listens by player choice (voice, speed)
  r|DAY|HOST               visits by referring host
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from django.db import connection

from . import listens
from .models import DailyChoice, DailyListen, DailyPageView, DailyReferrer, DailyTotal, FlushLock

TOTAL_FIELDS = ("views", "visits", "visitors", "plays", "listens")
LISTEN_FIELDS = ("plays", "listens", "reached_25", "reached_50", "reached_75", "reached_100")
BIT_FIELDS = {
    listens.PLAY: "plays",
    listens.LISTEN: "listens",
    listens.REACHED_25: "reached_25",
    listens.REACHED_50: "reached_50",
    listens.REACHED_75: "reached_75",
    listens.REACHED_100: "reached_100",
}


def total(day: date, field: str) -> str:
    return f"t|{day.isoformat()}|{field}"


def page_view(day: date, path: str) -> str:
    return f"p|{day.isoformat()}|{path}"


def referrer(day: date, host: str) -> str:
    return f"r|{day.isoformat()}|{host}"


def listen_keys(day: date, page_id: int, bit: int, voice: str, speed: str) -> list[str]:
    """The counters one newly reached listen bit adds to."""
    field = BIT_FIELDS[bit]
    keys = [f"l|{day.isoformat()}|{page_id}|{field}"]
    if bit in (listens.PLAY, listens.LISTEN):
        keys.append(total(day, field))
    if bit == listens.LISTEN:
        keys.append(f"c|{day.isoformat()}|speed|{speed}")
        if voice:
            keys.append(f"c|{day.isoformat()}|voice|{voice}")
    return keys


def take_flush_lock() -> None:
    """Serialise with every other process's flush (and roll-up) until the transaction ends: one row, updated first."""
    table = connection.ops.quote_name(FlushLock._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, flushes) VALUES (1, 1) "
            f"ON CONFLICT (id) DO UPDATE SET flushes = {table}.flushes + 1"
        )


def _upsert(model, key_columns: tuple[str, ...], value_columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = key_columns + value_columns
    placeholders = ", ".join(["%s"] * len(columns))
    updates = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in value_columns)
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) VALUES ({placeholders}) "
        f"ON CONFLICT ({', '.join(quote(c) for c in key_columns)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def apply(counts: Mapping[str, int]) -> None:
    """Add counters to the rollups with INSERT ... ON CONFLICT DO UPDATE (call inside a transaction)."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TOTAL_FIELDS, 0))
    pages: dict[tuple[str, str], int] = defaultdict(int)
    listen_rows: dict[tuple[str, int], dict[str, int]] = defaultdict(lambda: dict.fromkeys(LISTEN_FIELDS, 0))
    choices: dict[tuple[str, str, str], int] = defaultdict(int)
    referrers: dict[tuple[str, str], int] = defaultdict(int)
    for key, amount in counts.items():
        amount = int(amount)
        if not amount:
            continue
        kind, day, rest = key.split("|", 2)
        if kind == "t":
            totals[day][rest] += amount
        elif kind == "p":
            pages[(day, rest)] += amount
        elif kind == "l":
            page_id, field = rest.split("|", 1)
            listen_rows[(day, int(page_id))][field] += amount
        elif kind == "c":
            choice_kind, value = rest.split("|", 1)
            choices[(day, choice_kind, value)] += amount
        elif kind == "r":
            referrers[(day, rest)] += amount
    _upsert(DailyTotal, ("day",), TOTAL_FIELDS, [(d, *(v[f] for f in TOTAL_FIELDS)) for d, v in sorted(totals.items())])
    _upsert(DailyPageView, ("day", "path"), ("views",), [(*k, v) for k, v in sorted(pages.items()) if v])
    _upsert(
        DailyListen, ("day", "page_id"), LISTEN_FIELDS,
        [(*k, *(v[f] for f in LISTEN_FIELDS)) for k, v in sorted(listen_rows.items())],
    )
    _upsert(DailyChoice, ("day", "kind", "value"), ("listens",), [(*k, v) for k, v in sorted(choices.items()) if v])
    _upsert(DailyReferrer, ("day", "host"), ("visits",), [(*k, v) for k, v in sorted(referrers.items()) if v])
