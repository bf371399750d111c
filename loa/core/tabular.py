"""Open-data downloads: a list of records as CSV (UTF-8 with a BOM, so Excel shows Vietnamese) or JSON.

Cells a spreadsheet would run as a formula are prefixed with ' (CSV injection).
"""
from __future__ import annotations

import csv
import io
import json

from django.http import Http404, HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_BOM = "\ufeff"  # Excel reads UTF-8 (Vietnamese) correctly only with it


def neutralize(value: object) -> object:
    """A text cell starting like a formula gets a leading apostrophe (OWASP's CSV injection advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_cell(value: object) -> str:
    return str(neutralize("" if value is None else str(value)))


def csv_value(value) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "có" if value else "không"
    return "" if value is None else str(value)


def records_response(records: list[dict], fmt: str, filename: str, headings: list[str] | None = None) -> HttpResponse:
    if fmt == "json":
        body = json.dumps({"count": len(records), "items": records}, ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(headings or (list(records[0]) if records else []))
        for record in records:
            writer.writerow([safe_cell(csv_value(v)) for v in record.values()])
        response = HttpResponse(CSV_BOM + out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    else:
        raise Http404("Định dạng không hỗ trợ")
    response["Access-Control-Allow-Origin"] = "*"  # open data: other sites may read it
    return response
