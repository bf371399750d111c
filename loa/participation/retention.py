"""Erasing citizens' contact details once they are no longer needed.

Every submission model registered with `loa.participation.submissions.register` says which of
its rows are closed (`closed_before(cutoff)`); the one eraser clears their contact fields.
`loa participation_upkeep` (and `loa serve`, hourly) runs it.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from . import conf
from .submissions import erase_contacts, registered


def cutoff(now: datetime | None = None) -> datetime:
    days = int(conf.get("PARTICIPATION_CONTACT_RETENTION_DAYS"))
    return (now or timezone.now()) - timedelta(days=days)


def erase_expired_contacts(now: datetime | None = None) -> dict[str, int]:
    """Erase the contacts of every registered kind of submission closed before the cut-off; counts per kind."""
    before = cutoff(now)
    return {name: erase_contacts(model.closed_before(before)) for name, model in registered().items()}
