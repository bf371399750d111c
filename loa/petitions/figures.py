"""The summary's figures per agency and per session: counted from the same rows the list shows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median

from .status import ANSWERED_STATUSES, Status, is_overdue, local_today


@dataclass(frozen=True)
class Row:
    label: str
    slug: str
    total: int
    answered: int
    resolved: int
    overdue: int
    median_days: float | None

    @property
    def resolved_percent(self) -> int:
        return round(100 * self.resolved / self.total) if self.total else 0


def _row(label: str, slug: str, petitions: list, today: date) -> Row:
    days = [p.days_to_answer for p in petitions if p.days_to_answer is not None]
    return Row(
        label=label, slug=slug, total=len(petitions),
        answered=sum(p.status in ANSWERED_STATUSES for p in petitions),
        resolved=sum(p.status == Status.RESOLVED for p in petitions),
        overdue=sum(is_overdue(p.status, p.deadline, today) for p in petitions),
        median_days=median(days) if days else None,
    )


def grouped(petitions, key, today: date | None = None) -> list[Row]:
    """One row per value of `key(petition)` → (label, slug, sort key), most petitions first."""
    today = today or local_today()
    groups: dict[str, tuple[str, object, list]] = {}
    for petition in petitions:
        label, slug, order = key(petition)
        groups.setdefault(slug, (label, order, []))[2].append(petition)
    rows = [(_row(label, slug, items, today), order) for slug, (label, order, items) in groups.items()]
    return [row for row, _ in sorted(rows, key=lambda pair: (-pair[0].total, pair[1]))]


def by_agency(petitions, today: date | None = None) -> list[Row]:
    return grouped(petitions, lambda p: (p.agency.label, p.agency.slug, p.agency.name), today)


def by_session(petitions, today: date | None = None) -> list[Row]:
    def key(p):
        if p.session is None:
            return ("Chưa gắn kỳ họp", "", "")
        return (f"Kỳ họp thứ {p.session.number}, {p.session.term.name.lower()}", p.session.slug,
                p.session.start_date.isoformat())

    rows = grouped(petitions, key, today)
    return rows


def totals(petitions, today: date | None = None) -> Row:
    return _row("Tổng cộng", "", list(petitions), today or local_today())
