"""Pre-Unicode Vietnamese text (TCVN3/ABC, VNI, VIQR): detected, converted to Unicode NFC, or reported.

Old portals kept pages in font encodings: the bytes were declared as windows-1252 (or not at all)
and a special font drew them as Vietnamese, so they arrive as "Héi ®ång nh©n d©n" (TCVN3) or
"Hoäi ñoàng nhaân daân" (VNI); VIQR writes the marks in ASCII ("Ho^.i ddo^`ng"). A text is
converted only when the result reads as Vietnamese syllables much better than the input.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# TCVN 5712:1993 (VN3, the "ABC" fonts): byte -> letter.
_TCVN3 = {
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}
TCVN3_TABLE = str.maketrans({chr(code): letter for code, letter in _TCVN3.items()})

# VNI-Windows: a base letter followed by mark characters (as windows-1252 shows them).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303",
            "ä": "\u0302\u0323"}
_VNI_BREVE = {"ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303",
              "ë": "\u0306\u0323"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (True, False):
        def case(text: str, lower: bool = lower) -> str:
            return text if lower else text.upper()
        for base in "aeiouy":
            for mark, combining in _VNI_TONES.items():
                table[case(base + mark)] = case(unicodedata.normalize("NFC", base + combining))
        for base in "aeo":
            for mark, combining in _VNI_HAT.items():
                table[case(base + mark)] = case(unicodedata.normalize("NFC", base + combining))
        for mark, combining in _VNI_BREVE.items():
            table[case("a" + mark)] = case(unicodedata.normalize("NFC", "a" + combining))
        for horned, base in (("ô", "o"), ("ö", "u")):
            table[case(horned)] = case(unicodedata.normalize("NFC", base + "\u031b"))
            for mark, combining in _VNI_TONES.items():
                table[case(horned + mark)] = case(unicodedata.normalize("NFC", base + "\u031b" + combining))
        table[case("ñ")] = case("đ")
        for single, letter in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị")):
            table[case(single)] = case(letter)
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))

_VIQR_RE = re.compile(r"([dD][dD])|([aAeEiIoOuUyY])([\(\^\+]?)([`'\?~\.]?)")
_VIQR_SHAPES = {"(": "\u0306", "^": "\u0302", "+": "\u031b"}
_VIQR_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
_VIQR_HINT = re.compile(r"[aAeEoO]\^|[oOuU]\+|[aA]\(|[dD][dD][aeiouyAEIOUY]|[aeiouy][`'\?~\.](?=[a-z])")

VOWELS = set("aeiouy")
SHAPES = {"\u0306", "\u0302", "\u031b"}
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
LETTERS = set("abcdeghiklmnopqrstuvxyđfjwz")
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def tcvn3_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(TCVN3_TABLE))


def vni_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI[m.group(0)], text))


def viqr_to_unicode(text: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1):
            return "Đ" if match.group(1)[0] == "D" else "đ"
        vowel, shape, tone = match.group(2), match.group(3), match.group(4)
        if shape == "(" and vowel.lower() != "a" or shape == "+" and vowel.lower() not in "ou" \
                or shape == "^" and vowel.lower() not in "aeo":
            return match.group(0)
        marks = _VIQR_SHAPES.get(shape, "") + _VIQR_TONES.get(tone, "")
        return unicodedata.normalize("NFC", vowel + marks)
    return unicodedata.normalize("NFC", _VIQR_RE.sub(replace, text))


CONVERTERS = {"TCVN3": tcvn3_to_unicode, "VNI": vni_to_unicode, "VIQR": viqr_to_unicode}


def is_syllable(token: str) -> bool:
    """Letters of the Vietnamese alphabet with marks only on vowels and at most one tone."""
    tones = 0
    previous = ""
    for ch in unicodedata.normalize("NFD", token.lower()):
        if ch in TONES or ch in SHAPES:
            if previous not in VOWELS:
                return False
            tones += ch in TONES
        elif ch in LETTERS:
            previous = ch
        else:
            return False
    return tones <= 1


def vietnamese_ratio(text: str) -> tuple[float, int]:
    """Share of the words with a non-ASCII or VIQR mark that read as Vietnamese syllables, and their number."""
    valid = judged = 0
    for raw in _TOKEN.findall(text):
        token = _EDGE.sub("", raw)
        if not token or token.isascii():
            continue
        judged += 1
        valid += is_syllable(token)
    return (valid / judged if judged else 1.0), judged


@dataclass(frozen=True)
class Detection:
    encoding: str  # "unicode", "TCVN3", "VNI", "VIQR"
    status: str  # "unicode", "converted", "unsure"
    ratio: float

    @property
    def converter(self):
        return CONVERTERS.get(self.encoding) if self.status == "converted" else None


GOOD = 0.9
UNSURE_FLOOR = 0.5


def detect(text: str) -> Detection:
    """Which encoding `text` (as decoded, e.g. from windows-1252) was really written in."""
    text = unicodedata.normalize("NFC", text or "")
    ratio, judged = vietnamese_ratio(text)
    ascii_hints = len(_VIQR_HINT.findall(text))
    if judged < 3 and ascii_hints < 5:
        return Detection("unicode", "unicode", ratio)
    if ratio >= GOOD and (judged >= 3 or ascii_hints < 5):
        return Detection("unicode", "unicode", ratio)
    best = Detection("unicode", "unsure", ratio if judged else 0.0)
    for name, convert in CONVERTERS.items():
        if name == "VIQR" and ascii_hints < 5:
            continue
        new_ratio, new_judged = vietnamese_ratio(convert(text))
        if new_judged >= 3 and new_ratio > best.ratio:
            best = Detection(name, "converted", new_ratio)
    if best.status == "converted" and best.ratio >= GOOD:
        return best
    if best.ratio < UNSURE_FLOOR and judged == 0:
        return Detection("unicode", "unicode", ratio)
    return Detection(best.encoding, "unsure", best.ratio)


def to_unicode(text: str, detection: Detection) -> str:
    converter = detection.converter
    return converter(text) if converter else unicodedata.normalize("NFC", text)
