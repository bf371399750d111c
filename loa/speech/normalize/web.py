"""Web addresses, e-mail addresses, hashtags, mentions and file names, read part by part.

    vanphong@hdnd.longan.gov.vn -> văn phòng a còng hát đê en đê chấm long an chấm gốp chấm vê en

The scheme (https://) is not said; dots are "chấm", @ "a còng", / "gạch chéo", - "gạch ngang"
(a hyphen between words of a path or file name is not said: /tin-tuc -> tin tức), _ "gạch
dưới". Each part is read by read_part: a fixed reading (data/web_terms.tsv: www, gov, com),
a loanword (facebook, zalo), Vietnamese words written without tones and run together
(data/web_words.tsv and the syllables: longan -> long an, tintuc -> tin tức), digits one by
one; a short part that is none of these is spelled (hdnd -> hát đê en đê).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from .abbreviations import ABBREVIATIONS, SYMBOLS, rows
from .latin import case_parts
from .loanwords import loanword
from .numbers import digits
from .syllables import is_syllable, spell
from .transliterate import toned, transliterate
from .unicode import strip_tones

TERMS: Mapping[str, str] = MappingProxyType({r[0].strip(): r[1].strip() for r in rows("web_terms.tsv")})
# Toneless syllables run together -> (syllable ends, spoken): "tintuc" -> ((3, 6), "tin tức").
_WORDS: dict[str, tuple[tuple[int, ...], str]] = {}
for _toneless, _spoken in rows("web_words.tsv"):
    _syllables = _toneless.split()
    _ends = tuple(sum(len(s) for s in _syllables[:k + 1]) for k in range(len(_syllables)))
    _WORDS["".join(_syllables)] = (_ends, _spoken.strip())
_LONGEST_WORD = max(map(len, _WORDS))

_SEPARATORS = {".": "chấm", "/": "gạch chéo", "@": "a còng", "-": "gạch ngang", "_": "gạch dưới",
               ":": "hai chấm", "?": "chấm hỏi", "=": "bằng", "#": "thăng", "+": "cộng", "&": "và",
               "%": "phần trăm", "~": "ngã", ",": "phẩy"}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Costs for cutting a run of letters: a known word is cheapest, a spelled letter dearest.
_COST_WORD, _COST_LOAN, _COST_SYLLABLE, _COST_LETTER = 1.0, 1.5, 2.0, 4.0
_ANY = ""  # addresses are read the same in every region


def read_url(url: str) -> str:
    """https://hdnd.longan.gov.vn/tin-tuc -> hát đê en đê chấm long an chấm gốp chấm vê en gạch chéo tin tức."""
    rest = _SCHEME.sub("", url).rstrip("/")
    host, slash, path = rest.partition("/")
    out = [_read_host(host)]
    if slash:
        out += ["gạch chéo", _read_path(path)]
    return _join(out)


def read_email(address: str) -> str:
    local, _, host = address.rpartition("@")
    return _join([_read_dotted(local, hyphen_said=True), "a còng", _read_host(host)])


def read_hashtag(tag: str) -> str:
    """#ChuyenDoiSo -> hát tác chuyển đổi số (the words of the tag, its capitals cut them)."""
    return _join(["hát tác", _read_joined(tag.lstrip("#"))])


def read_mention(handle: str) -> str:
    return _join(["a còng", _read_dotted(handle.lstrip("@"), hyphen_said=False)])


def read_file_name(name: str) -> str:
    """baocao.pdf -> báo cáo chấm pê đê ép; .pdf alone -> chấm pê đê ép."""
    stem, _, extension = name.rpartition(".")
    out = [_read_path(stem)] if stem else []
    return _join(out + ["chấm", read_part(extension)])


def _join(parts: list[str]) -> str:
    return " ".join(p for p in parts if p)


def _read_host(host: str) -> str:
    return _read_dotted(host, hyphen_said=True)


def _read_dotted(text: str, hyphen_said: bool) -> str:
    """Parts and separators of a host name or an address's local part."""
    out = []
    for piece in re.split(r"([^\w]|_)", text):
        if not piece:
            continue
        if piece in _SEPARATORS:
            if piece != "-" or hyphen_said:
                out.append(_SEPARATORS[piece])
        elif piece in SYMBOLS:
            out.append(SYMBOLS[piece])
        else:
            out.append(_read_joined(piece))
    return _join(out)


def _read_path(path: str) -> str:
    """A path or file name: / and . are said, - and _ between words are not (/tin-tuc)."""
    out = []
    for piece in re.split(r"([/.?=&#%+~:@,])", path):
        if not piece:
            continue
        if piece in _SEPARATORS:
            out.append(_SEPARATORS[piece])
        else:
            out.append(_read_joined(piece.replace("_", "-")))
    return _join(out)


def _read_joined(text: str) -> str:
    """Words joined by hyphens or by capitals (tin-tuc, HuongDan, LongAnXanh), read together."""
    out: list[str] = []
    letters: list[str] = []  # a run of ASCII parts, read as one (a Vietnamese word may span them)
    for chunk in text.split("-"):
        for part in case_parts(chunk):
            if part.isascii() and part.isalpha():
                letters.append(part)
                continue
            if letters:
                out.append(_read_letters(letters))
                letters = []
            out.append(_read_other(part))
    if letters:
        out.append(_read_letters(letters))
    return _join(out)


def _read_other(part: str) -> str:
    """A part with digits, Vietnamese letters (#HĐNDLongAn: HĐND) or other marks (said if known)."""
    if part.isdigit():
        return digits(part) if part.isascii() else ""
    if part in ABBREVIATIONS:
        return ABBREVIATIONS[part]
    if part.isalpha():
        return part.lower()
    return _join([_SEPARATORS.get(c) or SYMBOLS.get(c, "") for c in part])


def read_part(part: str) -> str:
    """One part of an address: gov, longan, 2025, facebook."""
    return _read_joined(part)


def _read_letters(parts: list[str]) -> str:
    """ASCII letter parts read as one run: all-capital parts are spelled (HDSD), the rest cut into words."""
    out: list[str] = []
    run: list[str] = []
    for part in parts:
        if part.isupper() and len(part) > 1 and part.lower() not in TERMS and not loanword(part, _ANY):
            if run:
                out.append(_cut("".join(run), _bounds(run)))
                run = []
            out.append(spell(part))
        else:
            run.append(part.lower())
    if run:
        out.append(_cut("".join(run), _bounds(run)))
    return _join(out)


def _bounds(parts: list[str]) -> frozenset[int]:
    """The places where the written parts meet: a word may span them only on a syllable end."""
    ends, total = set(), 0
    for part in parts[:-1]:
        total += len(part)
        ends.add(total)
    return frozenset(ends)


@lru_cache(maxsize=2048)
def _cut(text: str, bounds: frozenset[int]) -> str:
    """A run of lowercase letters as the cheapest sequence of words, syllables and letters."""
    if text in TERMS:
        return TERMS[text]
    whole = loanword(text, _ANY)
    if whole:
        return whole
    if len(text) <= 3 and text not in _WORDS and not is_syllable(text):
        return spell(text)
    n = len(text)
    # cost[i]: the cheapest reading of text[i:]; step[i]: its first piece (end, kind, spoken).
    cost: list[float] = [float("inf")] * n + [0.0]
    step: list[tuple[int, str, str]] = [(n, "", "")] * n
    longest = max(_LONGEST_WORD, 12)
    for i in range(n - 1, -1, -1):
        for j in range(min(n, i + longest), i, -1):
            inner = {b - i for b in bounds if i < b < j}
            for piece_cost, kind, spoken in _pieces(text[i:j], inner):
                if piece_cost + cost[j] < cost[i]:
                    cost[i], step[i] = piece_cost + cost[j], (j, kind, spoken)
    pieces, i = [], 0
    while i < n:
        j, kind, spoken = step[i]
        pieces.append((kind, spoken))
        i = j
    spelled_runs = sum(1 for k, (kind, _) in enumerate(pieces)
                       if kind == "letter" and (k == 0 or pieces[k - 1][0] != "letter"))
    if spelled_runs >= 2 and n >= 5 and not bounds and any(c in "aeiouy" for c in text):
        return transliterate(text)  # an English word (vnexpress): no Vietnamese in it
    return " ".join(spoken for _, spoken in pieces)


def _pieces(piece: str, inner: set[int]) -> list[tuple[float, str, str]]:
    """(cost, kind, spoken) for each way to read piece as one unit; inner: written breaks inside it."""
    out = []
    known = _WORDS.get(piece)
    if known and inner <= set(known[0]):
        out.append((_COST_WORD, "word", known[1]))
    if not inner:
        if len(piece) >= 3:
            spoken = loanword(piece, _ANY)
            if spoken:
                out.append((_COST_LOAN, "loan", spoken))
        if len(piece) <= 7 and is_syllable(piece) and strip_tones(piece) == piece:
            out.append((_COST_SYLLABLE, "syllable", toned(piece)))
        if len(piece) == 1:
            out.append((_COST_LETTER, "letter", spell(piece)))
    return out
