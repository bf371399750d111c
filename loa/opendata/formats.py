"""CSV (UTF-8 with BOM, which Excel needs for Vietnamese) and JSON renderings of a dataset's rows."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time

from loa.core.tabular import CSV_BOM, neutralize

from .registry import Dataset, Row


def cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return value


def json_value(value: object) -> object:
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return value


def csv_lines(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([column.title for column in dataset.columns])
    yield CSV_BOM + flush()
    for row in rows:
        writer.writerow([neutralize(cell(row.get(key))) for key in dataset.keys])
        yield flush()


def json_document(dataset: Dataset, rows: Iterable[Row], meta: dict) -> str:
    records = [{key: json_value(row.get(key)) for key in dataset.keys} for row in rows]
    return json.dumps({**meta, "columns": [{"key": c.key, "title": c.title} for c in dataset.columns],
                       "count": len(records), "records": records}, ensure_ascii=False, indent=1)
