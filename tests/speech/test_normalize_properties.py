"""Properties that hold for any input: no crash, no digits out, spans well-formed."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loa.speech.normalize import normalize

# Text that looks like the portal's input: Vietnamese words, numbers and their punctuation.
PIECES = st.sampled_from([
    "ngày", "tháng", "năm", "thứ", "khóa", "khoá", "lần thứ", "quý", "Đại hội", "thế kỷ", "lúc", "số",
    "XIII", "IV", "I", "X", "V", "C", "ABC", "HĐND", "TP.", "TP.HCM", "v.v.", "QĐ", "KT-XH", "km", "ha",
    "đ", "USD", "m²", "°C", "%", "&", "/", "-", "–", ",", ".", ":", "(", ")", "“", "”", "\n", "  ", "- ",
    "0", "05", "2025", "53.082", "12,5", "1.000.005", "0913 456 789", "14h30", "7h", "14:30", "10/15",
    "05/3/2025", "12-QĐ/ĐU", "42/2022/NĐ-CP", "3x4", "-5", "½", "x²", "https://a.vn/b", "a@b.vn",
    "e\u0301", "\u0301", "\ud800", "\x00", "９", "٣",
])
VIETNAMESE_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=25).map(" ".join)
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=60)  # surrogates too


def check_result(source: str, region: str = "north") -> None:
    result = normalize(source, region=region)
    assert not re.search(r"[0-9]", result.text)
    position = 0
    for span in result.spans:
        assert span.out_start == position < span.out_end  # contiguous, ordered, non-empty
        assert 0 <= span.src_start <= span.src_end <= len(source)
        position = span.out_end
    assert position == len(result.text)
    if result.text:
        start, end = result.source_range(0, len(result.text))
        assert 0 <= start <= end <= len(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(VIETNAMESE_LIKE, st.sampled_from(["north", "central", "south"]))
def test_portal_like_text(source, region):
    check_result(source, region)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_unicode_including_lone_surrogates(source):
    check_result(source)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789.,/-–: %hđ", max_size=40))
def test_digit_soup(source):
    check_result(source)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_every_cardinal_is_words(n):
    spoken = normalize(str(n)).text
    assert spoken and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", spoken)
    grouped = f"{n:,}".replace(",", ".")
    assert normalize(grouped).text == spoken


@settings(max_examples=100, deadline=None)
@given(VIETNAMESE_LIKE, st.dictionaries(st.text(min_size=1, max_size=6), st.text(max_size=6), max_size=4))
def test_lexicon_never_breaks_spans(source, lexicon):
    result = normalize(source, lexicon=lexicon)
    position = 0
    for span in result.spans:
        assert span.out_start == position and 0 <= span.src_start <= span.src_end <= len(source)
        position = span.out_end
    assert position == len(result.text)
