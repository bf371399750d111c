"""Real public text (councils, portals, the press): the forms issue 19 found misread, and how each reading was reached."""

import pytest
from spoken import said

from loa.speech.normalize import normalize


@pytest.mark.parametrize("written, spoken", [
    # abbreviations of bodies, titles, mass organisations; joint variants of known ones
    ("KH-CN và KHCN", "khoa học công nghệ và khoa học công nghệ"),
    ("Sở LĐ-TB&XH, Sở LĐTBXH", "sở lao động thương binh và xã hội sở lao động thương binh và xã hội"),
    ("Đoàn ĐBQH và VPĐĐBQH tỉnh", "đoàn đại biểu quốc hội và văn phòng đoàn đại biểu quốc hội tỉnh"),
    ("BTV Tỉnh đoàn, HCCB, HCTĐ", "ban thường vụ tỉnh đoàn hội cựu chiến binh hội chữ thập đỏ"),
    ("PBT Thường trực, TGĐ", "phó bí thư thường trực tổng giám đốc"),
    # P. Q. by context
    ("P.7, Q.10", "phường bảy quận mười"),
    ("P. Chủ tịch UBND tỉnh", "phó chủ tịch ủy ban nhân dân tỉnh"),
    ("Số 12 Lê Lợi, P. Bến Nghé, Q.1", "số mười hai lê lợi phường bến nghé quận một"),
    # document codes
    ("Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN",
     "nghị quyết liên tịch số chín năm hai nghìn không trăm linh tám nghị quyết liên tịch chính phủ "
     "ủy ban trung ương mặt trận tổ quốc việt nam"),
    ("Công văn số 123/VPĐĐBQH-TH", "công văn số một trăm hai mươi ba văn phòng đoàn đại biểu quốc hội tổng hợp"),
    ("số 12/QĐUBND và 7/Qđ-UBND", "số mười hai quyết định ủy ban nhân dân và bảy quyết định ủy ban nhân dân"),
    # newspaper dates and times
    ("ngày 12.8", "ngày mười hai tháng tám"),
    ("tháng 11.2024", "tháng mười một năm hai nghìn không trăm hai mươi tư"),
    ("từ 3-5.10", "từ ba đến năm tháng mười"),
    ("Sáng nay 12-9, đoàn đến", "sáng nay ngày mười hai tháng chín đoàn đến"),
    ("đến 25/11 sẽ xong", "đến ngày hai mươi lăm tháng mười một sẽ xong"),
    ("lúc 7 giờ 00", "lúc bảy giờ"),
    ("08:30 AM", "tám giờ ba mươi phút sáng"),
    ("02:15 PM", "hai giờ mười lăm phút chiều"),
    ("tháng VI - VIII", "tháng sáu đến tám"),
    # phones, service numbers, domains
    ("(+84-24) 39 434 567", "cộng tám bốn hai bốn ba chín bốn ba bốn năm sáu bảy"),
    ("ĐT: (024) 39 434 567", "điện thoại không hai bốn ba chín bốn ba bốn năm sáu bảy"),
    ("Tổng đài 1800 1567", "tổng đài một nghìn tám trăm một nghìn năm trăm sáu mươi bảy"),
    ("gọi 1900 1234", "gọi một chín không không một hai ba bốn"),
    ("baochinhphu.VN", "báo chính phủ chấm vê en"),
    ("VTV.VN - Sáng nay", "vê tê vê chấm vê en sáng nay"),
    # list markers, units in capitals; decimals and clock dots unchanged
    ("2/ Kết quả", "hai kết quả"),
    ("máy biến áp 250 KVA", "máy biến áp hai trăm năm mươi ki lô vôn am pe"),
    ("tăng 6.5% và 2.5 triệu", "tăng sáu phẩy năm phần trăm và hai phẩy năm triệu"),
    ("lúc 7.30", "lúc bảy giờ ba mươi phút"),
])
def test_real_text_forms(written, spoken):
    assert said(written) == spoken


def test_a_date_then_a_time_gets_a_pause():
    text = normalize("ngày 12/8/2024 14h30").text
    assert "hai mươi tư, mười bốn giờ" in text


def test_an_initial_that_is_no_place_stays_a_spelled_guess():
    result = normalize("Ông P. Hà phát biểu")
    assert result.text.startswith("Ông pê. Hà")
    spans = [s for s in result.spans if result.text[s.out_start:s.out_end] == "pê"]
    assert spans and spans[0].how == "spelled"


@pytest.mark.parametrize("written, spoken", [
    ("tổng đài dịch vụ công 1022", "tổng đài dịch vụ công một không hai hai"),
    ("gọi 0290 1022", "gọi không hai chín không một không hai hai"),
    ("số máy lạ (0823 125 xxx)", "số máy lạ không tám hai ba một hai năm ích xì ích xì ích xì"),
    ("chị N. T (SN 1959)", "chị en tê sinh năm một nghìn chín trăm năm mươi chín"),
    ("CT Đỗ Minh Tuấn", "chủ tịch đỗ minh tuấn"),
    ("Hôm qua (4-12), HĐND", "hôm qua ngày bốn tháng mười hai hội đồng nhân dân"),
    ("ngày 18 và 19-9", "ngày mười tám và mười chín tháng chín"),
    ("trong tuần 43/2022", "trong tuần bốn mươi ba năm hai nghìn không trăm hai mươi hai"),
    ("Cụm thi đua III", "cụm thi đua ba"),
    ("P. họp 5", "phòng họp năm"),
])
def test_real_text_context_rules(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("đưa 4 trạm biến áp (TBA) vào hoạt động. Các TBA mới", "đưa bốn trạm biến áp trạm biến áp vào hoạt động các trạm biến áp mới"),
    ("Ban Tuyên giáo và Dân vận (TG&DV) Trung ương", "ban tuyên giáo và dân vận tuyên giáo và dân vận trung ương"),
    ("với Đường tỉnh (ĐT) 918", "với đường tỉnh đường tỉnh chín trăm mười tám"),
    ("gọi ĐT (XYZ) nhé", "gọi điện thoại ích xì i dài dét nhé"),  # initials that do not match are no definition
    ("TP - Sáng nay", "tê pê sáng nay"),
    ("(PL)- Hôm qua (4-12), HĐND", "pê e lờ hôm qua ngày bốn tháng mười hai hội đồng nhân dân"),
    ("KT. CHỦ TỊCH", "ký thay chủ tịch"),
    ("so với quý 3-2022", "so với quý ba năm hai nghìn không trăm hai mươi hai"),
    ("từ 7 - 14 giờ ngày 12.9", "từ bảy giờ đến mười bốn giờ ngày mười hai tháng chín"),
    ("trong một thời gian từ 2 - 6 giờ", "trong một thời gian từ hai đến sáu giờ"),
    ("ngụ H.Bình Chánh", "ngụ huyện bình chánh"),
    ("chị H.T.T.H. (ngụ quận Tân Bình)", "chị hát tê tê hát ngụ quận tân bình"),
    ("ĐẠI HỘI LẦN VIII", "đại hội lần tám"),
    ("dung tích trên 125cm3", "dung tích trên một trăm hai mươi lăm xăng ti mét khối"),
])
def test_real_text_dev_forms(written, spoken):
    assert said(written) == spoken


def test_an_abbreviation_defined_in_one_sentence_is_read_in_the_next():
    from loa.speech.track import spoken_sentences

    spoken = [s.spoken for s in spoken_sentences("Lắp trạm biến áp (TBA) mới. Hai TBA đã chạy.", "north")]
    assert spoken[1] == "Hai trạm biến áp đã chạy."


@pytest.mark.parametrize("written, spoken", [
    ("Lễ Phật Đản PL.2562-DL 2018", "lễ phật đản phật lịch hai nghìn năm trăm sáu mươi hai dương lịch hai nghìn không trăm mười tám"),
    ("Số: 06/QC-TT.HĐND-UBND", "số sáu quy chế thường trực hội đồng nhân dân ủy ban nhân dân"),
    ("Quyết định số 01/1999/QĐ.UB", "quyết định số một năm một nghìn chín trăm chín mươi chín quyết định ủy ban"),
    ("Ban KT-NS, Ban DT, UVT.Ư Đảng", "ban kinh tế ngân sách ban dân tộc ủy viên trung ương đảng"),
    ("cao khoảng 1m6 đến 1m65", "cao khoảng một mét sáu đến một mét sáu mươi lăm"),
    ("tăng 3m2, 1m2", "tăng ba mét vuông một mét vuông"),
    ("Sđt: 0983.824.882", "số điện thoại không chín tám ba tám hai bốn tám tám hai"),
    ("Gọi 8011035 để biết", "gọi tám không một một không ba năm để biết"),
    ("xã Kim Sơn, H.Bảo Yên", "xã kim sơn huyện bảo yên"),
    ("Công an TT.Phố Lu", "công an thị trấn phố lu"),
])
def test_real_text_found_with_the_guess_list(written, spoken):
    assert said(written) == spoken


def test_footnote_marks_are_not_read():
    assert said("mức tăng 6,73%[1] của quý II, các năm 2011-2016[2].") == (
        "mức tăng sáu phẩy bảy mươi ba phần trăm của quý hai các năm hai nghìn không trăm mười một đến "
        "hai nghìn không trăm mười sáu")


def test_an_and_form_is_read_part_by_part_with_va():
    assert said("trụ sở HĐND&UBND huyện") == "trụ sở hội đồng nhân dân và ủy ban nhân dân huyện"


def test_a_definition_matches_initials_with_marks():
    assert said("Ủy ban Thường vụ (UBTV) QH") == "ủy ban thường vụ ủy ban thường vụ quốc hội"
    assert said("Đoàn Thanh niên (ĐTNX)") == "đoàn thanh niên đê tê en ích xì"


@pytest.mark.parametrize("written, spoken", [
    ("TẠI BUỔI HỌP GIAO BAN QUÝ I-2018.", "tại buổi họp giao ban quý một năm hai nghìn không trăm mười tám"),
    ("Trung tâm Hành chính công 0251. 8824824", "trung tâm hành chính công không hai năm một tám tám hai bốn tám hai bốn"),
    ("Liên hệ tổng đài (0251) 1022", "liên hệ tổng đài không hai năm một một không hai hai"),
])
def test_real_text_contact_lines(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("TT UBMTTQVN phường", "thường trực ủy ban mặt trận tổ quốc việt nam phường"),
    ("TT Tỉnh ủy, TT.HĐND tỉnh", "thường trực tỉnh ủy thường trực hội đồng nhân dân tỉnh"),
    ("theo TT 15/2020", "theo thông tư mười lăm năm hai nghìn không trăm hai mươi"),
    ("Chi bộ KP.3 và KP 5", "chi bộ khu phố ba và khu phố năm"),
])
def test_real_text_standing_bodies_and_wards(written, spoken):
    assert said(written) == spoken


def test_zero_minutes_said_when_the_word_phut_follows():
    assert said("khoảng 12 giờ 00 phút") == "khoảng mười hai giờ không phút"
    assert said("Viện KSND, HĐXX, Điều 123 BLHS") == "viện kiểm sát nhân dân hội đồng xét xử điều một trăm hai mươi ba bộ luật hình sự"


def test_a_dash_between_a_date_and_its_time_is_a_pause():
    assert normalize("21/10/2021 - 06:58 PM").text == (
        "ngày hai mươi mốt tháng mười năm hai nghìn không trăm hai mươi mốt, sáu giờ năm mươi tám phút tối")
    assert said("ngày 10/12 - 15/12/2024") == (
        "ngày mười tháng mười hai đến mười lăm tháng mười hai năm hai nghìn không trăm hai mươi tư")


def test_a_dash_between_two_phone_numbers_is_no_range():
    assert said("Miền Nam 0917.932.788 - 0917.495.778") == (
        "miền nam không chín một bảy chín ba hai bảy tám tám không chín một bảy bốn chín năm bảy bảy tám")


def test_a_list_number_may_touch_its_first_word():
    assert normalize("1/Mới đây, ông Thành gửi tin nhắn.").text == "một. Mới đây, ông Thành gửi tin nhắn."


def test_a_brand_does_not_take_a_vietnamese_word():
    assert said("trước kia còn, xe Kia") == "trước kia còn xe ki a"


def test_a_document_number_with_a_space_after_its_hyphen():
    assert said("Đề án số 05- ĐA/TU") == "đề án số năm đề án tỉnh ủy"
    assert said("kỳ họp thứ 10- HĐND tỉnh") == "kỳ họp thứ mười hội đồng nhân dân tỉnh"


def test_a_day_and_month_right_after_a_time_is_its_date():
    assert said("Tính từ 18 giờ 6/8 đến 18 giờ 7/8") == (
        "tính từ mười tám giờ ngày sáu tháng tám đến mười tám giờ ngày bảy tháng tám")
    assert said("trong 30 phút 1/2 số ca") == "trong ba mươi phút một phần hai số ca"
