"""Hostile input: long runs of one shape cost time linear in their length.

The public speech API takes texts of up to 20,000 chars. A regex that backtracks over
a run (`.` * n once took 3.3 s in split_sentences) or a rule that re-reads a long word
for every following token makes such a text quadratic. Each case times a text of n and
of 4n chars: linear work grows about 4x, quadratic 16x.
"""
import gc
import string
import time
from collections.abc import Callable

import pytest

from loa.speech.normalize import normalize
from loa.speech.segment import split_sentences

N = 5_000  # split_sentences: 5,000 then 20,000 chars (the API's limit)
N_NORMALIZE = 2_500  # normalize is slower per char: 2,500 then 10,000 chars, in three regions
RATIO = 8.0  # allowed growth from n to 4n chars
FLOOR = 0.02  # seconds: below this at 4n, growth cannot hide a quadratic cost
CAP = 2.0  # seconds at 4n, whatever the growth

# Repeated to length: every ASCII punctuation mark and the Unicode ones the rules know.
PUNCTUATION = list(string.punctuation) + list("…–—“”‘’«»•·▪°‰²½€₫№")
DIGITS = ["0", "1", "9", "٣", "９"]  # ASCII, Arabic-Indic, fullwidth
LETTERS = ["a", "A", "đ", "Đ", "é", "e\u0301", "I", "X", "\u0301"]
WHITESPACE = [" ", "\t", "\n", "\r\n", "\u00a0", "\u2028", " \n"]
MIXED = [
    "1.1.1.1…", "a.a.a.", "...!!!???", "-/-/", ". ", "! ", "… ", "A. ", "TP. ", "v.v. ", "1. ", "II. ",
    "1/", "1-", "1,", "1.", "0 ", "1 ", "a ", "A1", "1a", "a1-", "1-A", "1-QĐ/", "1h", "x3 ", "Km1",
    "H1N1 ", "I/", "ngày 1/", "tháng 1 ", "thứ 1 ", "(1/1) ", "$1", "1%", " - ", "- 1", "khóa I, ",
    "www.", "a@", "a@a.", "#a", "@a ", "a.pdf ", "iPhone ", "COVID-", "2/3 ", "\"a\" ",
    "Wi-", "SEA ", "Co.", "aB", "e-", "x1", "+a", "a_b.", "hdnd.", "https://a.b/", ".pdf", "gov.vn",
]
UNITS = PUNCTUATION + DIGITS + LETTERS + WHITESPACE + MIXED


def repeated(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def then(head: str, tail: str) -> Callable[[int], str]:
    """Half the text one long run of head, the other half repeats of tail."""
    return lambda n: (head * (n // 2 // len(head) + 1))[: n // 2] + repeated(tail)(n - n // 2)


# A long token followed by many short ones that look back at it.
AFTER_LONG = {
    "word then slashes": then("a", " /"), "word then quotes": then("tháng", '"'),
    "capitals then slashes": then("A", "/ "), "digits then slashes": then("1", "/1"),
    "www then dots": then("www", "."), "scheme then dots": then("http://a", "."),
    "mail then dots": then("a", "@a."),
}
TEXTS = {repr(unit): repeated(unit) for unit in UNITS} | AFTER_LONG


def seconds(function: Callable[[str], object], text: str, runs: int) -> float:
    """The best of runs, in CPU time (other processes share the cores) with the cycle collector off."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            function(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def assert_linear(function: Callable[[str], object], make: Callable[[int], str], n: int = N) -> None:
    small, large = make(n), make(4 * n)
    assert len(large) == 4 * n
    for runs in (1, 3):  # measured again, more carefully, before failing: the machine is shared
        t_small, t_large = seconds(function, small, runs), seconds(function, large, runs)
        if t_large < CAP and (t_large < FLOOR or t_large < RATIO * t_small):
            return
    raise AssertionError(f"{t_small:.4f} s for {n} chars, {t_large:.4f} s for {4 * n}")


@pytest.mark.parametrize("name", TEXTS)
def test_split_sentences_is_linear(name):
    assert_linear(split_sentences, TEXTS[name])


@pytest.mark.parametrize("region", ["north", "central", "south"])
@pytest.mark.parametrize("name", TEXTS)
def test_normalize_is_linear(name, region):
    assert_linear(lambda text: normalize(text, region=region), TEXTS[name], N_NORMALIZE)


def test_long_digit_runs_are_read():
    # Python refuses int() of more than 4,300 digits; such a run is read digit by digit.
    for text in ("1" * 20_000, "tháng " + "1" * 5_000, "ngày " + "9" * 5_000 + " và 1"):
        spoken = normalize(text).text
        assert spoken.count("một") + spoken.count("chín") >= 5_000
