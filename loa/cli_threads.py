"""`--threads` of `loa speak` and `loa voices test`: every core unless told otherwise."""
from __future__ import annotations

import argparse
import os


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"không phải số nguyên: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"phải từ 1 trở lên: {number}")
    return number


def all_cores(threads: int | None) -> int:
    """`--threads`, else every core this process may run on."""
    if threads:
        return threads
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)
