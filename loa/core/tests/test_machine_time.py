"""`machine_time`: what <time datetime> accepts (HTML allows at most three digits of a second)."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

from loa.core.templatetags.loa_time import machine_time

HTML_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)?$")


def test_an_aware_date_time_is_local_without_microseconds():
    value = machine_time(datetime(2026, 12, 7, 4, 59, 47, 192627, tzinfo=UTC))
    assert value == "2026-12-07T11:59:47+07:00" and HTML_DATETIME.match(value)


def test_a_date_and_nothing():
    assert machine_time(date(2026, 12, 7)) == "2026-12-07"
    assert machine_time(None) == ""
