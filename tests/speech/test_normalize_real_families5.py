"""Real public text, fifth round (issue 19): the kinds of miss tn_real_dev5.tsv (state bodies) and
tn_real_dev6.tsv (the press) showed, each with its family and with what its rule must leave alone.
"""

import pytest
from spoken import said


@pytest.mark.parametrize("written, spoken", [
    # youth, farmers', ethnic and market bodies; titles with "thường trực"; foreign states; sport
    ("Số: 225 - KH/TWĐTN-CTTN", "số hai trăm hai mươi lăm kế hoạch trung ương đoàn thanh niên công tác thiếu nhi"),
    ("Hội LHTN Việt Nam", "hội liên hiệp thanh niên việt nam"),
    ("Trưởng Ban DV huyện", "trưởng ban dân vận huyện"),
    ("PBT- CTHĐND xã", "phó bí thư chủ tịch hội đồng nhân dân xã"),
    ("Phó chủ tịch TT Hội Nông dân", "phó chủ tịch thường trực hội nông dân"),
    ("giữ vững AN- TT và", "giữ vững an ninh trật tự và"),
    ("Đội QLTT số 2", "đội quản lý thị trường số hai"),
    ("Trung tâm HN&GDTX tỉnh", "trung tâm hướng nghiệp và giáo dục thường xuyên tỉnh"),
    ("Ubnd thành phố", "ủy ban nhân dân thành phố"),
    ("theo BTC SEA Games 31", "theo ban tổ chức xi ghêm ba mươi mốt"),
    ("giành HC vàng 10m", "giành huy chương vàng mười mét"),
    ("của CHDCND Triều Tiên", "của cộng hòa dân chủ nhân dân triều tiên"),
    ("VN-Index tăng 3,02%", "vê en in đéc tăng ba phẩy không hai phần trăm"),
    # ... while BTC in a document number stays the ministry
    ("Thông tư số 78/2014/TT-BTC", "thông tư số bảy mươi tám năm hai nghìn không trăm mười bốn thông tư bộ tài chính"),
])
def test_bodies_titles_and_markets(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # flight numbers and registrations: the airline's letters, the digits one by one
    ("số hiệu VN-A871 đã hạ cánh", "số hiệu vê en a tám bảy một đã hạ cánh"),
    ("mang số hiệu VN 5001 cất cánh", "mang số hiệu vê en năm không không một cất cánh"),
    ("chuyến bay VN578", "chuyến bay vê en năm bảy tám"),
    # ... and VN elsewhere is still Việt Nam
    ("Đội tuyển VN thắng", "đội tuyển việt nam thắng"),
    # virus variants after biến thể, chủng; a ward KP.3 stays khu phố
    ("biến thể BA.5 của", "biến thể bê a chấm năm của"),
    ("biến chủng XBB.1.5", "biến chủng ích xì bê bê chấm một chấm năm"),
    ("Chi bộ KP.3", "chi bộ khu phố ba"),
    # old plates with four digits; a code with a year is no plate
    ("xe tải 76K-4021 chở", "xe tải bảy mươi sáu ca bốn không hai một chở"),
    ("hồ sơ 12A-2024", "hồ sơ mười hai a hai nghìn không trăm hai mươi tư"),
    # letters glued after a model number; a fuel name keeps its reading
    ("tàu 1241RE có", "tàu một nghìn hai trăm bốn mươi mốt e rờ e có"),
    ("xăng E5RON92", "xăng e năm rôn chín mươi hai"),
    # a prime after a code
    ("khối B1-B1’ với", "khối bê một bê một phẩy với"),
    # lower-case Roman numerals after hạng, loại; a Vietnamese word that looks like one stays
    ("từ hạng iv lên hạng iii", "từ hạng bốn lên hạng ba"),
    ("loại vi khuẩn", "loại vi khuẩn"),
])
def test_codes_and_numerals(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # the written "phút" said once; hundredths of a second keep their zero
    ("vào hồi 13h30 phút ngày 25/10", "vào hồi mười ba giờ ba mươi phút ngày hai mươi lăm tháng mười"),
    ("lúc 14h15 và", "lúc mười bốn giờ mười lăm phút và"),
    ("3 phút 49 giây 08 ở", "ba phút bốn mươi chín giây không tám ở"),
    # coordinates written with a dot are decimals; a dotted count elsewhere is thousands
    ("tọa độ 14.847 độ vĩ Bắc", "tọa độ mười bốn phẩy tám trăm bốn mươi bảy độ vĩ bắc"),
    ("có 14.847 hộ dân", "có mười bốn nghìn tám trăm bốn mươi bảy hộ dân"),
    # thousands the English way; a decimal stays one
    ("hơn 180,000 bệnh nhân", "hơn một trăm tám mươi nghìn bệnh nhân"),
    ("tăng 2,5 lần", "tăng hai phẩy năm lần"),
    # days listed before their month; a score out of ten stays a score
    ("Trong các ngày 16,17/10/2023 Bảo tàng", "trong các ngày mười sáu mười bảy tháng mười năm hai nghìn không trăm hai mươi ba bảo tàng"),
    ("đạt 7,5/10 điểm", "đạt bảy phẩy năm trên mười điểm"),
    # an issue and its year; an ISO date; a two-digit year
    ("Tạp chí Số 1+2/2020", "tạp chí số một cộng hai năm hai nghìn không trăm hai mươi"),
    ("2023-06-21 03:54:00", "ngày hai mươi mốt tháng sáu năm hai nghìn không trăm hai mươi ba ba giờ năm mươi tư phút"),
    ("năm 2020-2025", "năm hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm"),
    ("ngày 12/8/24", "ngày mười hai tháng tám năm hai mươi tư"),
    # a signature's parts are pauses, not ranges; a range of hours stays one
    ("(VTV1 - 19h - 10/01/17)", "vê tê vê một mười chín giờ ngày mười tháng một năm mười bảy"),
    ("TTXVN18:00' - 16/08/2019", "tê tê ích xì vê en mười tám giờ ngày mười sáu tháng tám năm hai nghìn không trăm mười chín"),
    ("từ 8 - 10h sáng", "từ tám đến mười giờ sáng"),
    # two hotlines joined by a dash, each digit by digit
    ("Hotline: 024.627.397.37 - 024.62.739.735",
     "hót lai không hai bốn sáu hai bảy ba chín bảy ba bảy không hai bốn sáu hai bảy ba chín bảy ba năm"),
])
def test_times_numbers_and_dates(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # round six (tn_real_dev7.tsv): drug, legal and culture bodies; the court in a document code
    ("Số: 3256/QLD-CL", "số ba nghìn hai trăm năm mươi sáu quản lý dược chất lượng"),
    ("văn bản QPPL", "văn bản quy phạm pháp luật"),
    ("Nguồn: SVHTTDL", "nguồn sở văn hóa thể thao và du lịch"),
    ("toàn thể CBCS đơn vị", "toàn thể cán bộ chiến sĩ đơn vị"),
    ("Số 22/KH-TA", "số hai mươi hai kế hoạch tòa án"),
    # ... and a quality code's CL stays out of running text; a document type keeps its place
    ("Số 15/2020/TT-BTC", "số mười lăm năm hai nghìn không trăm hai mươi thông tư bộ tài chính"),
    # a map's scale with a thousands dot; a date is still a date
    ("tỷ lệ 1/25.000 hoặc 1/10.000", "tỷ lệ một trên hai mươi lăm nghìn hoặc một trên mười nghìn"),
    ("ngày 25/10", "ngày hai mươi lăm tháng mười"),
    # a 12-hour suffix after a 24-hour time is the part of the day of that hour
    ("14:21 PM", "mười bốn giờ hai mươi mốt phút chiều"),
    ("8:00 PM", "tám giờ tối"),
    # names glued together are read apart; a loanword as said
    ("tỉnh ĐắkLắk", "tỉnh đắk lắk"),
    ("bình gas mini", "bình ga mi ni"),
])
def test_round_six(written, spoken):
    assert said(written) == spoken


def test_an_iso_date_after_ngay_says_ngay_once():
    assert said("ngày 2023-06-21 lúc") == "ngày hai mươi mốt tháng sáu năm hai nghìn không trăm hai mươi ba lúc"
