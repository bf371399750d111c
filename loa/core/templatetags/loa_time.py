"""`{{ value|machine_time }}`: a date or date-time as the `datetime` attribute of <time> accepts it.

Django's `date:'c'` keeps microseconds ("…:47.192627+07:00"), which HTML's date-time syntax refuses
(at most three digits of a second, per the Nu HTML Checker); seconds are all a reader's calendar needs.
"""
from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_time(value: date | datetime | None) -> str:
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""
