from __future__ import annotations

from django.http import HttpRequest

from .summary import LazySummary


def visitor_stats(request: HttpRequest) -> dict[str, LazySummary]:
    """`visitor_stats`: {online, today, month, total}, read from the database only if a template uses it."""
    return {"visitor_stats": LazySummary()}
