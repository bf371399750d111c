"""The "Thống kê truy cập" dashboard in the Wagtail admin, and its CSV export."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from wagtail import hooks

from . import clock, dashboard
from .chart import Series, line_chart

PERMISSION = "stats.view_statistics"
DAYS = 30


def _require_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def index(request: HttpRequest) -> HttpResponse:
    _require_permission(request)
    today = clock.today()
    since = today - timedelta(days=DAYS - 1)
    rows = dashboard.daily_rows(DAYS, today)
    series = [
        Series("Lượt xem trang", "#9ecae1", [r.views for r in rows], bars=True),
        Series("Lượt truy cập", "#b3261e", [r.visits for r in rows]),
        Series("Người truy cập", "#1b5e20", [r.visitors for r in rows]),
    ]
    context = {
        "days": DAYS,
        "rows": rows,
        "rows_newest_first": list(reversed(rows)),
        "series": series,
        "chart": line_chart([r.day for r in rows], series, "stats-chart-title"),
        "sums": {
            "visitors": sum(r.visitors for r in rows),
            "visits": sum(r.visits for r in rows),
            "views": sum(r.views for r in rows),
            "listens": sum(r.listens for r in rows),
        },
        "top_pages": dashboard.top_pages(since),
        "top_listened": dashboard.top_listened(since),
        "voices": dashboard.choices(since, "voice"),
        "speeds": dashboard.choices(since, "speed"),
        "referrers": dashboard.referrers(since),
        # Other apps' boxes (e.g. file downloads from loa.documents): each hook returns HTML.
        "extra_panels": [fn(request, since) for fn in hooks.get_hooks("loa_stats_dashboard_panels")],
    }
    return render(request, "stats/dashboard.html", context)


class _Line:
    """csv.writer writes each row here and gets the text back."""

    def write(self, value: str) -> str:
        return value


def _rows(kind: str, days: int, today: date) -> Iterator[list]:
    if kind == "pages":
        from .models import DailyPageView

        yield ["ngay", "duong_dan", "luot_xem"]
        since = today - timedelta(days=days - 1)
        rows = DailyPageView.objects.filter(day__gte=since).order_by("day", "path").values_list("day", "path", "views")
        for day, path, views in rows.iterator(chunk_size=2000):
            yield [day.isoformat(), path, views]
    else:
        yield ["ngay", "nguoi_truy_cap", "luot_truy_cap", "luot_xem_trang", "luot_bat_nghe", "luot_nghe"]
        for row in dashboard.daily_rows(days, today):
            yield [row.day.isoformat(), row.visitors, row.visits, row.views, row.plays, row.listens]


def _csv_lines(rows: Iterator[list]) -> Iterator[str]:
    yield "\ufeff"  # so spreadsheet programs read the Vietnamese text as UTF-8
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow(row)


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Daily totals, or with ?kind=pages views per path per day, for the last `days` (default 30, max 3660).

    Streamed row by row: years of per-page rows are never held in memory.
    """
    _require_permission(request)
    try:
        days = max(1, min(3660, int(request.GET.get("days", DAYS))))
    except ValueError:
        days = DAYS
    today = clock.today()
    kind = "pages" if request.GET.get("kind") == "pages" else "days"  # also names the file: never echo the request
    response = StreamingHttpResponse(_csv_lines(_rows(kind, days, today)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="thong-ke-{kind}-{today.isoformat()}.csv"'
    return response
