"""Petitions still waiting for an answer, by how their deadline stands today (local time)."""
from __future__ import annotations

from datetime import timedelta

from .pages import PetitionPage
from .status import OPEN_STATUSES, local_today


def deadline_rows(today=None, soon_days: int = 7) -> tuple[list, list]:
    """(overdue, due within `soon_days`): petitions still waiting for an answer, nearest deadline first."""
    today = today or local_today()
    waiting = (PetitionPage.objects.filter(status__in=OPEN_STATUSES, deadline__isnull=False)
               .select_related("agency", "locality").order_by("deadline", "pk"))
    overdue = [p for p in waiting if p.deadline < today]
    soon = [p for p in waiting if today <= p.deadline <= today + timedelta(days=soon_days)]
    return overdue, soon
