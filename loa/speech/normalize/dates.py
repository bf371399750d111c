"""Dates (ngày 05/3/2025, tháng 5/2025) and clock times (14h30, 14:30)."""
from __future__ import annotations

from .numbers import NumberWords, cardinal, integer, month


def is_day_month(day: int, month_number: int) -> bool:
    return 1 <= day <= 31 and 1 <= month_number <= 12


def day_month(day: str, month_text: str, words: NumberWords) -> str:
    """05, 3 -> năm tháng ba (the caller says "ngày" if the text did not)."""
    return f"{integer(day, words)} tháng {month(int(month_text), words)}"


def year(text: str, words: NumberWords) -> str:
    return f"năm {cardinal(int(text), words)}"


def is_time(hours: int, minutes: int, seconds: int = 0) -> bool:
    return hours <= 24 and minutes < 60 and seconds < 60


def clock(hours: str, minutes: str, seconds: str, words: NumberWords) -> str:
    """14, 30 -> mười bốn giờ ba mươi phút; zero minutes are not said (8h00 -> tám giờ)."""
    out = [f"{integer(hours, words)} giờ"]
    if int(minutes or 0) or int(seconds or 0):
        out.append(f"{integer(minutes, words)} phút")
    if int(seconds or 0):
        out.append(f"{integer(seconds, words)} giây")
    return " ".join(out)
