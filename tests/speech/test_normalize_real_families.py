"""Real public text, second round (issue 19): each kind of miss the first held-out set showed, with its family.

The forms here are not the held-out sentences themselves but their kin: the other bodies, codes,
dates and numbers of the same sort, so a rule that only fits one sentence fails here.
"""

import pytest
from spoken import how_said, said

from loa.speech.normalize import GUESSES, normalize


@pytest.mark.parametrize("written, spoken", [
    # office heads in schedules, slash forms of headings and signatures
    ("(LĐVP: Đ/c Tỉnh)", "lãnh đạo văn phòng đồng chí tỉnh"),
    ("CVP Bình, PCVP Hà, CV Dương", "chánh văn phòng bình phó chánh văn phòng hà chuyên viên dương"),
    ("ông Nghĩa – CV Phòng Văn hóa", "ông nghĩa chuyên viên phòng văn hóa"),
    ("V/V PHÊ DUYỆT, v/v báo cáo", "về việc phê duyệt về việc báo cáo"),
    ("T/M ỦY BAN, T/L CHỦ TỊCH", "thay mặt ủy ban thừa lệnh chủ tịch"),
    # firms, rural works, schools, land
    ("TCty Điện lực, CTy TNHH MTV", "tổng công ty điện lực công ty trách nhiệm hữu hạn một thành viên"),
    ("cầu GTNT, Trung tâm PTQĐ", "cầu giao thông nông thôn trung tâm phát triển quỹ đất"),
    ("Cụm CNTT Phú Hữu", "cụm công nghiệp tập trung phú hữu"),
    ("Chi cục BVTV, lực lượng TNXP", "chi cục bảo vệ thực vật lực lượng thanh niên xung phong"),
])
def test_abbreviation_families(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Số: 2215/2000/TTLT/BKHCNMT-BNG",
     "số hai nghìn hai trăm mười lăm năm hai nghìn thông tư liên tịch bộ khoa học công nghệ và môi trường bộ ngoại giao"),
    ("Số 12/2003/TTLT/BTM-BCN", "số mười hai năm hai nghìn không trăm linh ba thông tư liên tịch bộ thương mại bộ công nghiệp"),
    ("72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN",
     "bảy mươi hai năm hai nghìn không trăm hai mươi lăm nghị quyết liên tịch ủy ban thường vụ quốc hội mười lăm "
     "chính phủ đoàn chủ tịch ủy ban trung ương mặt trận tổ quốc việt nam"),
    ("Công văn 12/TCT-CS", "công văn mười hai tổng cục thuế xê ét"),
    ("số 123/BCĐ389-VP", "số một trăm hai mươi ba ban chỉ đạo ba trăm tám mươi chín văn phòng"),
    ("số 27/BC-BKTNS", "số hai mươi bảy báo cáo ban kinh tế ngân sách"),
])
def test_ministries_and_joint_bodies_in_document_numbers(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Bản án số 34/2025/DS-ST", "bản án số ba mươi tư năm hai nghìn không trăm hai mươi lăm dân sự sơ thẩm"),
    ("Bản án 12/2024/HS-PT", "bản án mười hai năm hai nghìn không trăm hai mươi tư hình sự phúc thẩm"),
    ("Quyết định 05/2023/KDTM-GĐT", "quyết định năm năm hai nghìn không trăm hai mươi ba kinh doanh thương mại giám đốc thẩm"),
    ("Quyết định 7/2024/QĐPT-HNGĐ", "quyết định bảy năm hai nghìn không trăm hai mươi tư quyết định phúc thẩm hôn nhân và gia đình"),
])
def test_court_judgment_numbers(written, spoken):
    assert said(written) == spoken


def test_court_numbers_whose_stage_closes_a_joined_code():
    assert said("số 45/2024/QĐXXST-HS") == (
        "số bốn mươi lăm năm hai nghìn không trăm hai mươi tư quyết định xét xử sơ thẩm hình sự")
    assert said("số 12/2024/TLST-DS") == "số mười hai năm hai nghìn không trăm hai mươi tư thụ lý sơ thẩm dân sự"
    assert said("Công văn 5/SYT-CNTT") == "công văn năm sở y tế công nghệ thông tin"  # no stage: as before


def test_court_codes_only_in_a_judgment_number():
    # Outside a number that names a stage of trial, HS is học sinh and TT thông tư, as before.
    assert said("Công văn 123/SGDĐT-HS") == "công văn một trăm hai mươi ba sở giáo dục và đào tạo học sinh"
    assert said("Thông tư 12/2024/TT-BTC") == (
        "thông tư mười hai năm hai nghìn không trăm hai mươi tư thông tư bộ tài chính")


@pytest.mark.parametrize("written, spoken", [
    ("thi ĐH - CĐ", "thi đại học cao đẳng"),
    ("trường CĐ nghề", "trường cao đẳng nghề"),
    ("BCH CĐ cơ sở", "ban chấp hành công đoàn cơ sở"),
    ("ĐH Đảng bộ tỉnh, ĐH XIII", "đại hội đảng bộ tỉnh đại hội mười ba"),
    ("trường ĐH Bách khoa", "trường đại học bách khoa"),
])
def test_cd_by_its_neighbours(written, spoken):
    assert said(written) == spoken


def test_cd_without_neighbours_stays_spelled_unknown():
    assert said("tin CĐ mới") == "tin xê đê mới"
    assert how_said("tin CĐ mới", "xê đê") == "unknown"


@pytest.mark.parametrize("written, spoken", [
    ("sáng sớm nay 7.6, trời mưa", "sáng sớm nay ngày bảy tháng sáu trời mưa"),
    ("chiều muộn hôm qua 12.9", "chiều muộn hôm qua ngày mười hai tháng chín"),
    ("Ngày mai, 2-5, Quốc hội họp", "ngày mai ngày hai tháng năm quốc hội họp"),
    ("Hôm nay, 30.4, trời nắng", "hôm nay ngày ba mươi tháng tư trời nắng"),
    ("Ngày Báo chí cách mạng Việt Nam (21.6)", "ngày báo chí cách mạng việt nam ngày hai mươi mốt tháng sáu"),
    ("Tối nay (14.8 âm lịch)", "tối nay ngày mười bốn tháng tám âm lịch"),
    ("rằm 15/7 âm lịch", "rằm ngày mười lăm tháng bảy âm lịch"),
    ("ngày thành lập Hội Nông dân Việt Nam 14/10 (1930-2011)",
     "ngày thành lập hội nông dân việt nam ngày mười bốn tháng mười một nghìn chín trăm ba mươi đến hai nghìn không trăm mười một"),
    ("kỷ niệm Ngày Nhà giáo Việt Nam 20/11", "kỷ niệm ngày nhà giáo việt nam ngày hai mươi tháng mười một"),
    ("trong các ngày từ 21.6 đến 24.6", "trong các ngày từ hai mươi mốt tháng sáu đến hai mươi tư tháng sáu"),
    ("ngày 20/02/205 của", "ngày hai mươi tháng hai năm hai trăm linh năm của"),
    ("Chiều thứ Sáu (25-10), đoàn đến", "chiều thứ sáu ngày hai mươi lăm tháng mười đoàn đến"),
    ("Thứ Bảy, 12/10, giá vàng tăng", "thứ bảy ngày mười hai tháng mười giá vàng tăng"),
    ("Thứ 3 (12.9), trời mưa", "thứ ba ngày mười hai tháng chín trời mưa"),
    ("Đầu tuần này (14-10), bão đổ bộ", "đầu tuần này ngày mười bốn tháng mười bão đổ bộ"),
    ("Dịp nghỉ lễ 30-4 và 1-5", "dịp nghỉ lễ ba mươi tháng tư và một tháng năm"),
    ("17/5 Chiều qua, liên Bộ", "ngày mười bảy tháng năm chiều qua liên bộ"),
    ("25-12 Hôm nay", "ngày hai mươi lăm tháng mười hai hôm nay"),
])
def test_newspaper_dates_by_their_neighbours(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Ngày mai, 2-5 người sẽ đến", "ngày mai hai đến năm người sẽ đến"),  # no comma after: a range
    ("tỷ lệ (2.5)", "tỷ lệ hai chấm năm"),  # a quantity before the bracket: no date
    ("hiện nay 3/5 xã", "hiện nay ba trên năm xã"),
    ("kỳ họp thứ hai, 3/5 số đại biểu", "kỳ họp thứ hai ba phần năm số đại biểu"),  # an ordinal, not a weekday
    ("nhóm (10-15)", "nhóm mười đến mười lăm"),  # a rising pair in brackets is a range
    ("thứ Hai đến thứ Sáu, 8-11 giờ", "thứ hai đến thứ sáu tám đến mười một giờ"),
    ("kỷ niệm 5-10 năm, dịp lễ 3-4 ngày", "kỷ niệm năm đến mười năm dịp lễ ba đến bốn ngày"),
    ("3/4 Hộ dân", "ba phần tư hộ dân"),
])
def test_date_rules_leave_ranges_and_quantities(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("đường ĐT-746 và QL-1A", "đường đường tỉnh bảy trăm bốn mươi sáu và quốc lộ một a"),
    ("(Km3+100 ÷ Km3+500)", "ki lô mét ba cộng một trăm đến ki lô mét ba cộng năm trăm"),
    ("dày 20÷25 cm", "dày hai mươi đến hai mươi lăm xăng ti mét"),
    ("(Km 14+200 - Km 20+500)", "ki lô mét mười bốn cộng hai trăm đến ki lô mét hai mươi cộng năm trăm"),
    ("tuyến ĐH.02 và ĐT 0912345678", "tuyến đường huyện hai và điện thoại không chín một hai ba bốn năm sáu bảy tám"),
    ("6 ÷ x", "sáu chia ích xì"),
])
def test_roads_and_technical_ranges(written, spoken):
    assert said(written) == spoken


def test_lookalike_eth_is_read_as_d_with_stroke():
    result = normalize("Dự án Ðầu tư ÐT.746")
    assert result.text == "Dự án Đầu tư đường tỉnh bảy trăm bốn mươi sáu"
    assert result.source_range(result.text.index("Đầu"), result.text.index("Đầu") + 3) == (6, 9)


@pytest.mark.parametrize("written, spoken", [
    ("gọi vào đường dây nóng với quyền ưu tiên cao nhất: 35260027.", "gọi vào đường dây nóng với quyền ưu tiên cao nhất ba năm hai sáu không không hai bảy"),
    ("liên hệ số 38221234 để được hỗ trợ", "liên hệ số ba tám hai hai một hai ba bốn để được hỗ trợ"),
    ("21429241", "hai mươi mốt triệu bốn trăm hai mươi chín nghìn hai trăm bốn mươi mốt"),  # no label: a count
    ("đường dây nóng 113, 114, 115", "đường dây nóng một một ba một một bốn một một năm"),
    ("Số tài khoản: 1234567890", "số tài khoản một hai ba bốn năm sáu bảy tám chín không"),
    ("Mã số thuế 312345678", "mã số thuế ba một hai ba bốn năm sáu bảy tám"),
])
def test_phone_length_numbers_after_a_line_to_call(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("lúc 9g sáng", "lúc chín giờ sáng"),
    ("Từ 7g30-11g", "từ bảy giờ ba mươi phút đến mười một giờ"),
    ("Lúc 8h15p", "lúc tám giờ mười lăm phút"),
    ("bột 9g mỗi ngày, gói 500g", "bột chín gam mỗi ngày gói năm trăm gam"),
])
def test_hours_written_with_g_and_minutes_with_p(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("(Toquoc) – Dù còn", "tổ quốc dù còn"),
    ("{VietNamNet) - Ông", "việt nam nét ông"),
    ("(Dantri) - Sáng nay", "dân trí sáng nay"),
    ("theo toquoc.vn", "theo tổ quốc chấm vê en"),
])
def test_newspaper_bylines_without_tones(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Giá xăng E5RON92 tăng", "giá xăng e năm rôn chín mươi hai tăng"),
    ("xăng RON95-III và RON 95-V", "xăng rôn chín mươi lăm ba và rôn chín mươi lăm năm"),
    ("dầu diesel 0.05S, mazut 3.5S, dầu DO", "dầu đi ê den không phẩy không năm ét ma dút ba phẩy năm ét dầu đê ô"),
    ("NGUYÊN NHÂN DO THIÊN TAI", "nguyên nhân do thiên tai"),
    ("vaccine sởi, rubella", "vắc xin sởi ru bê la"),
    ("Bảng cân đối liên ngành (I-O)", "bảng cân đối liên ngành i ô"),
    ("tại Hội trường II", "tại hội trường hai"),
    ("Cục C03, Phòng PC08", "cục xê không ba phòng pê xê không tám"),
    ("Chỉ số UV ở mức 11, UV Ban Thường vụ", "chỉ số u vê ở mức mười một ủy viên ban thường vụ"),
    ("Nồng độ PM2.5 đạt 55 µg/m3", "nồng độ pê em hai phẩy năm đạt năm mươi lăm mi cờ rô gam trên mét khối"),
    ("Lưu lượng về hồ 1.200 m3/s", "lưu lượng về hồ một nghìn hai trăm mét khối trên giây"),
    ("Công văn số 789/SYT-NVY", "công văn số bảy trăm tám mươi chín sở y tế nghiệp vụ y"),
    ("số 9/SLĐ-TB&XH-LĐVL", "số chín sở lao động thương binh và xã hội lao động việc làm"),
    ("trường cấp III", "trường cấp ba"),
    ("Khối II, Tiểu đoàn III", "khối hai tiểu đoàn ba"),
    ("Tàu HQ-012", "tàu hát quy không một hai"),
])
def test_loanwords_fuels_letters_and_numerals(written, spoken):
    assert said(written) == spoken


def test_glued_loanword_syllables_are_a_guess():
    assert said("1 cây hêrôin, côcain") == "một cây hê rô in cô ca in"
    assert said("xe ôtô, bình ôxy, côngtenơ") == "xe ô tô bình ô xy công te nơ"
    assert how_said("1 cây hêrôin", "hê rô in") in GUESSES
    # Place names that are no run of Vietnamese syllables are left as written.
    assert said("Đắk Lắk, Krông Pắc") == "đắk lắk krông pắc"
    assert how_said("Krông", "Krông") == "written"


@pytest.mark.parametrize("written, spoken", [
    ("Bộ TM, Bộ CN, Bộ KHCN&MT", "bộ thương mại bộ công nghiệp bộ khoa học công nghệ và môi trường"),
    ("Sở XD, Sở TP, Phòng TC-KH", "sở xây dựng sở tư pháp phòng tài chính kế hoạch"),
    ("UBND TP Hà Nội, CT UBND", "ủy ban nhân dân thành phố hà nội chủ tịch ủy ban nhân dân"),  # elsewhere as before
])
def test_sectors_written_short_after_their_head_word(written, spoken):
    assert said(written) == spoken


def test_an_unknown_byline_is_read_as_toneless_vietnamese_and_marked_a_guess():
    assert said("(Baoquangninh) - Sáng nay") == "báo quảng ninh sáng nay"
    assert how_said("(Baoquangninh) - Sáng nay", "báo quảng ninh") == "guess"
    assert how_said("(Toquoc) - Sáng nay", "tổ quốc") == "table"  # a known one comes from the table
    assert said("(Zing) - Sáng nay") == "dinh sáng nay"  # letters would be spelled: left to the Latin rules


@pytest.mark.parametrize("written, spoken", [
    ("ĐT: 38291234", "điện thoại ba tám hai chín một hai ba bốn"),
    ("Điện thoại: 3829.1234", "điện thoại ba tám hai chín một hai ba bốn"),
    ("ĐT 38.291.234", "điện thoại ba tám hai chín một hai ba bốn"),  # not road ĐT 38
    ("Fax: 3822 1234", "phác ba tám hai hai một hai ba bốn"),
    ("Điện thoại: 1234 người gọi", "điện thoại một nghìn hai trăm ba mươi tư người gọi"),  # too short for a line
])
def test_local_lines_without_area_code_after_their_label(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("NCS. Lê Văn Cường, CN. Lê Thị Em", "nghiên cứu sinh lê văn cường cử nhân lê thị em"),
    ("làm việc cả thứ 7 và CN.", "làm việc cả thứ bảy và chủ nhật"),
    ("Khu CN Tân Bình", "khu công nghiệp tân bình"),
    ("CN Lê Văn", "xê en lê văn"),  # no cue: spelled, as unknown
    ("Ban Chấp hành TƯ, Ủy viên TƯ Đảng", "ban chấp hành trung ương ủy viên trung ương đảng"),
    ("NGÀY THỨ TƯ, TƯ VẤN", "ngày thứ tư tư vấn"),
    ("Đại úy QNCN, Anh hùng LLVTND", "đại úy quân nhân chuyên nghiệp anh hùng lực lượng vũ trang nhân dân"),
    ("Nghệ nhân ưu tú (NNƯT) Hà và NNƯT Lan", "nghệ nhân ưu tú nghệ nhân ưu tú hà và nghệ nhân ưu tú lan"),
])
def test_titles_before_names_and_cn_by_context(written, spoken):
    assert said(written) == spoken


def test_a_definition_may_use_letters_with_marks():
    from loa.speech.normalize import defined_abbreviations

    assert defined_abbreviations("Thầy thuốc ưu tú (TTƯT)") == {"TTƯT": "thầy thuốc ưu tú"}


@pytest.mark.parametrize("written, spoken", [
    ("- Lưu: VT, TH.", "lưu văn thư tổng hợp"),
    ("Q. CHÁNH VĂN PHÒNG", "quyền chánh văn phòng"),
    ("P. GIÁM ĐỐC", "phó giám đốc"),
    ("Q. Giám đốc Sở", "quyền giám đốc sở"),
    ("ngụ Q. Bình Thạnh", "ngụ quận bình thạnh"),
])
def test_signature_blocks_and_filing_lines(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("tỷ số 2-1, thắng 3-0", "tỷ số hai một thắng ba không"),
    ("số 5-7 Lê Lợi", "số năm đến bảy lê lợi"),  # no score word: a range
    ("tỷ lệ 1:500, tỉ lệ bản đồ 1:2.000", "tỷ lệ một trên năm trăm tỉ lệ bản đồ một trên hai nghìn"),
    ("lúc 10:30", "lúc mười giờ ba mươi phút"),
])
def test_scores_and_scales(written, spoken):
    assert said(written) == spoken
