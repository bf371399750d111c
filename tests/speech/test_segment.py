
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loa.speech.segment import Sentence, split_sentences


def texts(source: str) -> list[str]:
    return [s.text for s in split_sentences(source)]


def test_splits_at_sentence_ends():
    assert texts("Hội nghị kết thúc. Đại biểu ra về! Ai ở lại? Không ai.") == [
        "Hội nghị kết thúc.", "Đại biểu ra về!", "Ai ở lại?", "Không ai.",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "Hội nghị tại TP. Tân An thành công.",
        "Báo cáo của ThS. Nguyễn Văn An được thông qua.",
        "Bà là PGS.TS. Trần Thị Bình, giảng viên.",
        "Có 53.082 cử tri tham dự.",
        "Ngày 05/3/2025 Đảng bộ được thành lập.",
        "Về dự hội nghị tại TP.HCM hôm qua.",
        "Các lĩnh vực y tế, giáo dục v.v. đều phát triển.",
        "Lúc 7.30 sáng hội nghị bắt đầu.",
    ],
)
def test_abbreviations_and_numbers_are_not_ends(source):
    assert texts(source) == [source]


def test_list_markers_do_not_split():
    assert texts("1. Kết quả đạt được.\nII. Nhiệm vụ trọng tâm.") == ["1. Kết quả đạt được.", "II. Nhiệm vụ trọng tâm."]


def test_vv_can_end_a_sentence():
    assert texts("Y tế, giáo dục v.v. Đồng thời phát triển.") == ["Y tế, giáo dục v.v.", "Đồng thời phát triển."]


def test_lines_are_units_and_offsets_point_into_source():
    source = "  PHẦN THỨ NHẤT.\n\n- Thuận lợi: tốt.  Khó khăn: ít.\n"
    sentences = split_sentences(source)
    assert [s.text for s in sentences] == ["PHẦN THỨ NHẤT.", "- Thuận lợi: tốt.", "Khó khăn: ít."]
    for s in sentences:
        assert source[s.start:s.end] == s.text


def test_long_sentences_split_at_clause_boundaries():
    clause = "Đảng ủy lãnh đạo thực hiện tốt nhiệm vụ chính trị của cơ quan"
    source = "; ".join([clause] * 20) + "."
    sentences = split_sentences(source)
    assert len(sentences) > 1
    assert all(len(s.text) <= 400 for s in sentences)
    assert all(s.text.startswith("Đảng ủy") for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == source.replace(" ", "")


def test_unbreakable_text_is_cut_at_the_limit():
    source = "x" * 1000
    sentences = split_sentences(source, max_chars=400)
    assert [len(s.text) for s in sentences] == [400, 400, 200]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


def test_seed_article_units_fit_and_cover_every_word(seed_text):
    source = seed_text
    sentences = split_sentences(source)
    assert len(sentences) > 80
    assert max(len(s.text) for s in sentences) <= 400
    assert all(isinstance(s, Sentence) and source[s.start:s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences).split() == source.split()
    assert any("53.082" in s.text for s in sentences)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1500))
def test_never_loses_text_or_exceeds_the_limit(source):
    sentences = split_sentences(source)
    assert all(0 < len(s.text) <= 400 for s in sentences)
    assert all(source[s.start:s.end] == s.text for s in sentences)
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    assert "".join("".join(s.text for s in sentences).split()) == "".join(source.split())
