"""How each reading was reached (Span.how) and the guesses an editor reviews (loa.speech.find_guesses)."""
from loa.speech import find_guesses
from loa.speech.normalize import normalize


def kinds(text: str, lexicon=None) -> dict[str, str]:
    """Source piece -> how it was read, for the spoken spans of normalize(text)."""
    result = normalize(text, lexicon=lexicon)
    return {text[s.src_start:s.src_end]: s.how for s in result.spans if s.how}


def test_each_way_of_reading_is_named():
    found = kinds("UBND tỉnh họp lúc 14h30 về smartgrid, Facebook và TXYZ; ông Nguyễn Văn F dự.", {"tỉnh": "tỉnh"})
    assert found["UBND"] == "table"
    assert found["tỉnh"] == "lexicon"
    assert found["14h30"] == "rule"
    assert found["họp"] == "written"
    assert found["smartgrid"] == "guess"
    assert found["Facebook"] == "table"
    assert found["TXYZ"] == "unknown"
    assert found["F"] == "spelled"


def test_document_codes_say_which_part_is_known():
    found = kinds("Công văn số 5/QĐ-XYZT")
    assert found["QĐ"] == "table" and found["XYZT"] == "unknown" and found["5"] == "rule"


def test_spaces_and_pauses_have_no_kind():
    result = normalize("A, B")
    assert {s.how for s in result.spans if not result.text[s.out_start:s.out_end].strip(" ,")} == {""}


def test_guesses_come_with_their_sentence_and_source_range():
    text = "Tin mới. Ông P. Hà dự họp TXYZ về smartgrid.\nHĐND tỉnh họp."
    guesses = find_guesses(text)
    assert [(g.written, g.how) for g in guesses] == [("P", "spelled"), ("TXYZ", "unknown"), ("smartgrid", "guess")]
    txyz = guesses[1]
    assert text[txyz.start:txyz.end] == "TXYZ"
    assert txyz.spoken == "tê ích xì i dài dét"
    assert txyz.context == "Ông P. Hà dự họp TXYZ về smartgrid."


def test_a_lexicon_entry_settles_a_guess():
    assert [g.written for g in find_guesses("Dự án smartgrid.", lexicon={"smartgrid": "xmát grít"})] == []
