"""What the admin dashboard shows, read from the daily rollups."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Sum
from wagtail.models import Page, Site

from . import clock
from .models import DailyChoice, DailyListen, DailyPageView, DailyReferrer, DailyTotal


@dataclass(frozen=True)
class DayRow:
    day: date
    visitors: int
    visits: int
    views: int
    plays: int
    listens: int


@dataclass(frozen=True)
class PageRow:
    title: str
    url: str
    count: int


@dataclass(frozen=True)
class ListenRow:
    title: str
    url: str
    plays: int
    listens: int
    reached: tuple[int, int, int, int]  # 25, 50, 75, 100 %

    def rates(self) -> tuple[float, float, float, float]:
        base = self.plays or self.listens
        return tuple(min(1.0, n / base) if base else 0.0 for n in self.reached)  # type: ignore[return-value]


def daily_rows(days: int = 30, until: date | None = None) -> list[DayRow]:
    """One row per day, oldest first, zeros where nothing was counted."""
    last = until or clock.today()
    first = last - timedelta(days=days - 1)
    stored = {row.day: row for row in DailyTotal.objects.filter(day__gte=first, day__lte=last)}
    rows = []
    for day in clock.days_back(last, days):
        row = stored.get(day)
        rows.append(DayRow(day, *(getattr(row, f) if row else 0 for f in ("visitors", "visits", "views", "plays", "listens"))))
    return rows


def _pages_by_path(paths: list[str]) -> dict[str, Page]:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not paths:
        return {}
    root = site.root_page.url_path.rstrip("/")
    wanted = {root + (p if p.endswith("/") else p + "/"): p for p in paths}
    return {wanted[page.url_path]: page for page in Page.objects.filter(url_path__in=wanted).specific()}


def top_pages(since: date, limit: int = 10) -> list[PageRow]:
    totals = (
        DailyPageView.objects.filter(day__gte=since).values("path").annotate(n=Sum("views")).order_by("-n", "path")[:limit]
    )
    totals = list(totals)
    pages = _pages_by_path([row["path"] for row in totals])
    return [
        PageRow(pages[row["path"]].title if row["path"] in pages else row["path"], row["path"], row["n"]) for row in totals
    ]


def top_listened(since: date, limit: int = 10) -> list[ListenRow]:
    totals = list(
        DailyListen.objects.filter(day__gte=since)
        .values("page_id")
        .annotate(
            plays=Sum("plays"), listens=Sum("listens"),
            r25=Sum("reached_25"), r50=Sum("reached_50"), r75=Sum("reached_75"), r100=Sum("reached_100"),
        )
        .order_by("-listens", "-plays", "page_id")[:limit]
    )
    pages = {page.id: page for page in Page.objects.filter(id__in=[row["page_id"] for row in totals])}
    rows = []
    for row in totals:
        page = pages.get(row["page_id"])
        rows.append(ListenRow(
            page.title if page else f"Trang #{row['page_id']}",
            (page.url or "") if page else "",
            row["plays"], row["listens"], (row["r25"], row["r50"], row["r75"], row["r100"]),
        ))
    return rows


def choices(since: date, kind: str, limit: int = 10) -> list[tuple[str, int]]:
    rows = (
        DailyChoice.objects.filter(day__gte=since, kind=kind).values("value").annotate(n=Sum("listens")).order_by("-n", "value")
    )
    return [(row["value"], row["n"]) for row in rows[:limit]]


def display_host(host: str) -> str:
    """A stored (ASCII) host as people read it: "xn--bo-mia.vn" -> "báo.vn"."""
    try:
        return host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        return host


def referrers(since: date, limit: int = 10) -> list[tuple[str, int]]:
    rows = DailyReferrer.objects.filter(day__gte=since).values("host").annotate(n=Sum("visits")).order_by("-n", "host")
    return [(display_host(row["host"]), row["n"]) for row in rows[:limit] if row["n"] > 0]
