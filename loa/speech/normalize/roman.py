"""Roman numerals, read only after the words that take them (khóa XIII, thế kỷ XXI)."""
from __future__ import annotations

import re

from .unicode import tone_key

_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# Single words, and word pairs (previous, last), after which a Roman numeral is a number.
_TRIGGERS = frozenset(tone_key(w) for w in (
    "khóa", "phần", "chương", "mục", "quý", "quí", "kỳ", "đợt", "vòng",
    "vùng", "loại", "hạng", "phường", "cụm", "lần",  # vùng I (minimum wage), đô thị loại II, hạng I, Phường IV
    "cấp", "bậc", "nhóm", "tầng", "khu", "dãy", "khối", "tập",  # trường cấp III, bậc II, nhóm I, khối II, tập III
    "trục", "phà", "tuyến",  # Trục I Tây Bắc, Bến phà II, tuyến II (Đội I stays a team letter)
    "số",  # Trại tạm giam số II, Nhà máy số III
))
_PAIR_TRIGGERS = frozenset((tone_key(a), tone_key(b)) for a, b in (
    ("đại", "hội"), ("hội", "nghị"), ("thế", "kỷ"), ("thế", "kỉ"), ("giai", "đoạn"),
    ("phụ", "lục"), ("thi", "đua"),
    ("hội", "trường"), ("phòng", "họp"), ("khu", "vực"), ("quân", "khu"), ("quân", "đoàn"), ("sư", "đoàn"),
    ("phân", "khu"), ("tiểu", "khu"), ("cấp", "độ"), ("nhiệm", "kỳ"), ("học", "kỳ"),
    ("tiểu", "đoàn"), ("trung", "đoàn"), ("lữ", "đoàn"),
    ("vành", "đai"), ("sơ", "đồ"), ("hoạch", "điện"),  # Vành đai III, Tổng sơ đồ VII, Quy hoạch điện VIII
    ("chuyên", "khoa"), ("mức", "độ"),  # bác sĩ chuyên khoa II, đạt chuẩn mức độ I
))
# After these the numeral is an ordinal: lần thứ IV -> lần thứ tư.
_ORDINAL_TRIGGERS = frozenset({tone_key("thứ")})
# After "tháng" it is a month: tháng VI - VIII -> tháng sáu đến tám.
_MONTH_TRIGGERS = frozenset({tone_key("tháng")})


def roman_value(word: str) -> int | None:
    """XIV -> 14; None unless word is a well-formed numeral (a lone L or C is a letter)."""
    if not word or not _ROMAN.fullmatch(word) or (len(word) == 1 and word in "LC"):
        return None
    total = 0
    for here, after in zip(word, word[1:] + " ", strict=True):
        value = _VALUES[here]
        total += -value if after != " " and _VALUES[after] > value else value
    return total


def trigger_kind(previous: str, last: str) -> str | None:
    """'ordinal', 'cardinal', 'month' or None, given the tone keys of the two preceding words."""
    if last in _ORDINAL_TRIGGERS:
        return "ordinal"
    if last in _MONTH_TRIGGERS:
        return "month"
    if last in _TRIGGERS or (previous, last) in _PAIR_TRIGGERS:
        return "cardinal"
    return None
