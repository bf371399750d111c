"""Reading numbers: cardinals, decimals, digit strings, ordinals and months, by region."""
from __future__ import annotations

import re
from dataclasses import dataclass

DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Beyond this, a number is an identifier rather than a quantity: read digit by digit.
MAX_CARDINAL_DIGITS = 15
# A fraction part longer than this is read digit by digit (3,14159 -> ba phẩy một bốn ...).
MAX_CARDINAL_FRACTION = 3

_UNIT_AFTER_MUOI = {1: "mốt", 4: "tư", 5: "lăm"}
_BILLION = 10**9


@dataclass(frozen=True)
class NumberWords:
    thousand: str  # 1000: nghìn / ngàn
    zero_tens: str  # the 0 in 105: linh / lẻ


REGIONS = {
    "north": NumberWords("nghìn", "linh"),
    "central": NumberWords("nghìn", "linh"),
    "south": NumberWords("ngàn", "lẻ"),
}


def number_words(region: str) -> NumberWords:
    try:
        return REGIONS[region]
    except (KeyError, TypeError):
        raise ValueError(f"unknown region {region!r}; expected one of {', '.join(REGIONS)}") from None


def _below_thousand(n: int, words: NumberWords, padded: bool) -> list[str]:
    """0 < n < 1000. padded: inside a larger number, so 5 -> không trăm linh năm."""
    hundreds, rest = divmod(n, 100)
    out = [DIGIT_WORDS[hundreds], "trăm"] if hundreds or padded else []
    tens, unit = divmod(rest, 10)
    if tens == 0:
        if unit:
            out += [words.zero_tens, DIGIT_WORDS[unit]] if out else [DIGIT_WORDS[unit]]
    elif tens == 1:
        out.append("mười")
        if unit:
            out.append("lăm" if unit == 5 else DIGIT_WORDS[unit])
    else:
        out += [DIGIT_WORDS[tens], "mươi"]
        if unit:
            out.append(_UNIT_AFTER_MUOI.get(unit, DIGIT_WORDS[unit]))
    return out


def _cardinal(n: int, words: NumberWords, padded: bool) -> list[str]:
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        billions = _cardinal(high, words, padded) + ["tỷ"]
        return billions + _cardinal(low, words, True) if low else billions
    out: list[str] = []
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    # Zero groups are skipped, the next group is padded: 1.000.005 -> một triệu không trăm linh năm.
    for value, scale in ((millions, "triệu"), (thousands, words.thousand), (units, "")):
        if value:
            out += _below_thousand(value, words, padded or bool(out))
            if scale:
                out.append(scale)
    return out


def cardinal(n: int, words: NumberWords) -> str:
    return " ".join(_cardinal(n, words, False)) if n else "không"


def digits(text: str) -> str:
    """0272 -> không hai bảy hai; non-digits are skipped."""
    return " ".join(DIGIT_WORDS[int(c)] for c in text if "0" <= c <= "9")


def integer(text: str, words: NumberWords) -> str:
    """A run of ASCII digits as a count: leading zeros silent (07 -> bảy), codes digit by digit."""
    significant = text.lstrip("0")
    if len(text) > MAX_CARDINAL_DIGITS or (text.startswith("0") and len(text) > 3):
        return digits(text)
    return cardinal(int(significant), words) if significant else "không"


def fraction(text: str, words: NumberWords) -> str:
    """The digits after a decimal comma: 05 -> không năm, 85 -> tám mươi lăm."""
    if len(text) > MAX_CARDINAL_FRACTION:
        return digits(text)
    significant = text.lstrip("0")
    zeros = ["không"] * (len(text) - len(significant))
    return " ".join(zeros + ([cardinal(int(significant), words)] if significant else []))


def ordinal(n: int, words: NumberWords) -> str:
    """The number after "thứ": 1 -> nhất, 4 -> tư."""
    return {1: "nhất", 4: "tư"}.get(n) or cardinal(n, words)


def denominator(n: int, words: NumberWords) -> str:
    """The number after "phần" in a fraction: 4 -> tư (ba phần tư)."""
    return "tư" if n == 4 else cardinal(n, words)


def month(n: int, words: NumberWords) -> str:
    """The number after "tháng": 4 -> tư."""
    return "tư" if n == 4 else cardinal(n, words)


_THOUSANDS_DOT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_THOUSANDS_COMMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}")
_DECIMAL = re.compile(r"[0-9]+(?:,[0-9]+)?")
_SEPARATOR = re.compile(r"([.,])")
_SEPARATOR_WORDS = {".": "chấm", ",": "phẩy"}


def numeral(text: str, words: NumberWords) -> str:
    """Any written number: 53.082, 12,5, 1,000,000 (English grouping), 4.0 (a version)."""
    if _THOUSANDS_DOT.fullmatch(text) or _DECIMAL.fullmatch(text):
        whole, _, frac = text.partition(",")
        spoken = integer(whole.replace(".", ""), words)
        return f"{spoken} phẩy {fraction(frac, words)}" if frac else spoken
    if _THOUSANDS_COMMA.fullmatch(text):
        return integer(text.replace(",", ""), words)
    # Anything else (4.0, 1.2.3, 1,2.3): each group, with its separator said.
    return " ".join(
        _SEPARATOR_WORDS.get(part) or integer(part, words) for part in _SEPARATOR.split(text) if part
    )
