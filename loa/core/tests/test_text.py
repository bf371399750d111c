from loa.core.text import MAX_SEARCH_TERMS, fold, html_to_text, search_words


def test_fold_strips_vietnamese_diacritics_and_case():
    assert fold("Hội đồng nhân dân") == "hoi dong nhan dan"
    assert fold("ĐOÀN KẾT - NĂNG ĐỘNG - PHÁT TRIỂN") == "doan ket - nang dong - phat trien"
    assert fold("Quyết định số 12-QĐ/ĐU") == "quyet dinh so 12-qd/du"


def test_fold_handles_decomposed_input_and_spaces():
    decomposed = "Ho\u0302\u0323i  \u0111o\u0302\u0300ng\u00a0nha\u0302n"
    assert fold(decomposed) == "hoi dong nhan"
    assert fold("") == ""


def test_html_to_text_keeps_words_whole():
    assert html_to_text("<p>Đ<b>ảng</b> bộ</p><p>53.082 cử tri</p>") == "Đảng bộ 53.082 cử tri"
    assert html_to_text("<p>a &amp; b</p>") == "a & b"


def test_search_words_drop_syntax_and_keep_the_first_sixteen_words():
    query = " ".join(f"từ{i}" for i in range(41))
    assert search_words(query).split() == [f"từ{i}" for i in range(MAX_SEARCH_TERMS)]
    assert search_words(query, folded=True).split() == [f"tu{i}" for i in range(MAX_SEARCH_TERMS)]
    assert search_words('"NQ-HĐND" (25/2024)*', folded=True) == "nq hdnd 25 2024"
    assert search_words('"Hội đồng" OR -x') == "Hội đồng OR x"
