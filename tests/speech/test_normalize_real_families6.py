"""Real public text, seventh round (issue 19): the kinds of miss tn_real_dev8.tsv (state bodies) and
tn_real_dev9.tsv (the press) showed, each with its family and with what its rule must leave alone.
"""

import pytest
from spoken import said


@pytest.mark.parametrize("written, spoken", [
    # bodies and terms the tables lacked (the large additions of this round are plain rows)
    ("Trích báo cáo số 84/BC-TTT ngày 09/6/2020",
     "trích báo cáo số tám mươi tư báo cáo thanh tra tỉnh ngày chín tháng sáu năm hai nghìn không trăm hai mươi"),
    ("thông báo số 106/TB-TCĐBVN", "thông báo số một trăm linh sáu thông báo tổng cục đường bộ việt nam"),
    ("cấp GCN QSD đất", "cấp giấy chứng nhận quyền sử dụng đất"),
    ("Hội PN huyện", "hội phụ nữ huyện"),
    ("NVH TDP và TTVH-TT các phường", "nhà văn hóa tổ dân phố và trung tâm văn hóa thể thao các phường"),
    ("Cảng HKQT Long Thành", "cảng hàng không quốc tế long thành"),
    ("Chi nhánh NHNo&PTNT tỉnh", "chi nhánh ngân hàng nông nghiệp và phát triển nông thôn tỉnh"),
    ("Sở LĐ-TB & XH tỉnh", "sở lao động thương binh và xã hội tỉnh"),
    ("các HSQ-BS và CLB", "các hạ sĩ quan binh sĩ và câu lạc bộ"),
    ("Phòng KHTC của Sở", "phòng kế hoạch tài chính của sở"),
    # Latin words of the press
    ("mái taluy dương, ta-luy âm", "mái ta luy dương ta luy âm"),
    ("Vn-Index đóng cửa", "vê en in đéc đóng cửa"),
    ("trên VTVGo!", "trên vê tê vê gô"),
    ("vòng 8 V.League 2023", "vòng tám vê li hai nghìn không trăm hai mươi ba"),
    ("vòng 10 V-League 2023", "vòng mười vê li hai nghìn không trăm hai mươi ba"),
    ("hộp thư duongdaynong@bacgiang.gov.vn", "hộp thư đường dây nóng a còng bắc giang chấm gốp chấm vê en"),
    # ... while a unit stays a unit
    ("điện áp 220 V. Sau đó", "điện áp hai trăm hai mươi vôn sau đó"),
    ("nặng 3 kg.", "nặng ba ki lô gam"),
])
def test_bodies_terms_and_latin_words(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # a space before the slash, a year joined by a dash
    ("Số: 566 /TB-UBND", "số năm trăm sáu mươi sáu thông báo ủy ban nhân dân"),
    ("Nghị quyết số 19-2017/NQ-CP", "nghị quyết số mười chín năm hai nghìn không trăm mười bảy nghị quyết chính phủ"),
    # ... while a span of years stays a span and a plain number keeps its slash
    ("giai đoạn 2021-2025/NQ", "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm nghị quyết"),
    ("Nghị định 42/2022/NĐ-CP", "nghị định bốn mươi hai năm hai nghìn không trăm hai mươi hai nghị định chính phủ"),
    ("Số 15 /2024", "số mười lăm trên hai nghìn không trăm hai mươi tư"),
    # an abbreviation that lost its space before the next word
    ("nguyên Phó Chủ tịch UBNDThành phố", "nguyên phó chủ tịch ủy ban nhân dân thành phố"),
    ("ABCThành", "abcthành"),
])
def test_document_numbers_and_glued_bodies(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # days listed before their month
    ("trong 02 ngày 13,14 tháng 12 năm 2018", "trong hai ngày mười ba mười bốn tháng mười hai năm hai nghìn không trăm mười tám"),
    ("trong 2 ngày (5, 6/8/2015)", "trong hai ngày năm sáu tháng tám năm hai nghìn không trăm mười lăm"),
    # a d/m before "năm sau", a day over a smaller month before a pause
    ("từ 31/9 năm trước đến 01/10 năm sau",
     "từ ngày ba mươi mốt tháng chín năm trước đến ngày một tháng mười năm sau"),
    ("cuối ngày thi đấu 22/5, đoàn", "cuối ngày thi đấu hai mươi hai tháng năm đoàn"),
    ("tuần giao dịch thứ 27/2025 tại", "tuần giao dịch thứ hai mươi bảy năm hai nghìn không trăm hai mươi lăm tại"),
    # ... while decimals, shares, ratios, addresses and round-the-clock stay what they were
    ("khoảng 1,5 tháng", "khoảng một phẩy năm tháng"),
    ("gồm (3, 4/5 số phiếu)", "gồm ba bốn phần năm số phiếu"),
    ("đạt 25/12 phiếu", "đạt hai mươi lăm trên mười hai phiếu"),
    ("tỉ số 3/1", "tỉ số ba trên một"),
    ("xếp thứ 4/63 tỉnh", "xếp thứ tư trên sáu mươi ba tỉnh"),
    ("Địa chỉ: hẻm 12/5, phường 3", "địa chỉ hẻm mười hai trên năm phường ba"),
    ("nội trú 24/7, kể cả", "nội trú hai mươi tư trên bảy kể cả"),
])
def test_days_and_months(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # scores after a team's name or lên/xuống
    ("Công an Hà Nội hòa Hải Phòng 1-1", "công an hà nội hòa hải phòng một một"),
    ("nâng được tỷ số lên 2-0", "nâng được tỷ số lên hai không"),
    ("rút ngắn tỷ số xuống 1-2", "rút ngắn tỷ số xuống một hai"),
    ("thắng lợi trong giai đoạn 10-15 năm", "thắng lợi trong giai đoạn mười đến mười lăm năm"),
    # thousandths after giây, a counter's thousands, a masked plate, a district near "khu vực"
    ("thời gian 9 phút 08 giây 053", "thời gian chín phút tám giây không năm mươi ba"),
    ("9 giây 005", "chín giây không không năm"),
    ("Lượt xem : 2,050", "lượt xem hai nghìn không trăm năm mươi"),
    ("tăng 2,050 lần", "tăng hai phẩy không năm mươi lần"),
    ("trên xe 14H5-5.46x bị thương", "trên xe mười bốn hát năm năm bốn sáu ích xì bị thương"),
    ("xe 51F-678.xx", "xe năm mươi mốt ép sáu bảy tám ích xì ích xì"),
    ("(thuộc khu vực H. Quế Sơn)", "thuộc khu vực huyện quế sơn"),
])
def test_scores_counts_plates_and_places(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # a sample of this round's gatherings: issuing bodies in numbers, agencies in text, units, the news's Latin words
    ("Văn bản số 566/TB-CĐBVN", "văn bản số năm trăm sáu mươi sáu thông báo cục đường bộ việt nam"),
    ("Công văn 45/UBND-PTNMT", "công văn bốn mươi lăm ủy ban nhân dân phòng tài nguyên và môi trường"),
    ("Cục HQ tỉnh và Hạt KL huyện", "cục hải quan tỉnh và hạt kiểm lâm huyện"),
    ("ngày rằm tháng Giêng (ÂL)", "ngày rằm tháng giêng âm lịch"),
    ("huyết áp 140 mmHg", "huyết áp một trăm bốn mươi mi li mét thủy ngân"),
    ("đến Hong Kong và Phu Quoc", "đến hồng công và phú quốc"),
    ("qua Zalo Pay", "qua da lô pây"),
])
def test_gathered_rows(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # after the type, TTr, TT and KL name the issuing office; a unit code with a leading zero is spelled
    ("Kết luận số 12/KL-TTr", "kết luận số mười hai kết luận thanh tra"),
    ("Thông báo 45/TB-HĐND-TT", "thông báo bốn mươi lăm thông báo hội đồng nhân dân thường trực"),
    ("Công văn 12/BNN-KL", "công văn mười hai bộ nông nghiệp kiểm lâm"),
    ("Kế hoạch 12/KH-CAT-PC06", "kế hoạch mười hai kế hoạch công an tỉnh pê xê không sáu"),
    # ... while first they are types, and a term's number without a zero is a number
    ("Thông tư 12/2024/TT-BTC", "thông tư mười hai năm hai nghìn không trăm hai mươi tư thông tư bộ tài chính"),
    ("Tờ trình 07/TTr-UBND", "tờ trình bảy tờ trình ủy ban nhân dân"),
    ("Nghị quyết 01/2021/NQ-QH15", "nghị quyết một năm hai nghìn không trăm hai mươi mốt nghị quyết quốc hội mười lăm"),
])
def test_codes_after_the_type(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # round eight (dev10, dev11): dates and counts
    ("từ 13 đến hết 15-2.", "từ mười ba đến hết mười lăm tháng hai"),
    ("Sáng ngày 9 - 9, tại", "sáng ngày chín tháng chín tại"),
    ("diễn ra trong 3 tháng 6,7,8/2020, chọn", "diễn ra trong ba tháng sáu bảy tám năm hai nghìn không trăm hai mươi chọn"),
    ("đối với 1/3 tập thể và 13/163 cá nhân", "đối với một trên ba tập thể và mười ba trên một trăm sáu mươi ba cá nhân"),
    # ... while a rising dash is a range, a share is a share and a decimal over a year stays what it was
    ("hết 2-5 ngày", "hết hai đến năm ngày"),
    ("ngày 3 - 9", "ngày ba đến chín"),
    ("chiếm 1/3 dân số", "chiếm một phần ba dân số"),
    ("3/4 hộ dân", "ba phần tư hộ dân"),
    ("tăng 6,7/2020", "tăng sáu phẩy bảy trên hai nghìn không trăm hai mươi"),
    # places and initials after H.
    ("(H.Châu Thành, tỉnh Sóc Trăng)", "huyện châu thành tỉnh sóc trăng"),
    ("xăng dầu H.T, tại ấp 6", "xăng dầu hát tê tại ấp sáu"),
    # bodies
    ("VPTT BCH PCTT&TKCN tỉnh", "văn phòng thường trực ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn tỉnh"),
    ("BCH công an, BCH quân sự", "ban chỉ huy công an ban chỉ huy quân sự"),
    ("Về THA hành chính", "về thi hành án hành chính"),
    ("83 đợt HMTN", "tám mươi ba đợt hiến máu tình nguyện"),
    ("từ Campuchia", "từ cam pu chia"),
])
def test_round_eight(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # a numeral of two or more letters after a foreign name or a code counts
    ("tàu tên lửa Osa II", "tàu tên lửa ô xa hai"),
    ("xăng RON A95 III đang", "xăng rôn a chín mươi lăm ba đang"),
    ("Nữ hoàng Elizabeth II", "nữ hoàng ê li da bét hai"),
    # ... not after a Vietnamese word, and a lone I stays a letter
    ("Đội II", "đội i i"),
    ("Elizabeth I", "ê li da bét i"),
])
def test_roman_numerals_after_names(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("các ô có gắn dấu (*) là bắt buộc", "các ô có gắn dấu sao là bắt buộc"),
    ("Ghi chú (*): số liệu ước", "ghi chú số liệu ước"),  # a footnote's mark is not read
])
def test_a_named_star(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # round nine (dev12, dev13)
    ("Tỷ số chung cuộc là 1 - 0 nghiêng về", "tỷ số chung cuộc là một không nghiêng về"),
    ("dẫn trước đến 4-1, sau đó gỡ hòa 4-4", "dẫn trước đến bốn một sau đó gỡ hòa bốn bốn"),
    ("Ảnh: Doãn Tấn/TTXVN", "ảnh doãn tấn thông tấn xã việt nam"),
    ("Hôm nay: ngày 21 / 9 / 2021", "hôm nay ngày hai mươi mốt tháng chín năm hai nghìn không trăm hai mươi mốt"),
    ("tàu cá với 1.851.808 CV", "tàu cá với một triệu tám trăm năm mươi mốt nghìn tám trăm linh tám mã lực"),
    ("camera 12 MP, chip 3nm, ping 25 ms", "ca mê ra mười hai mê ga pích xeo chíp ba na nô mét pinh hai mươi lăm mi li giây"),
    ("trên SVĐ Mỹ Đình", "trên sân vận động mỹ đình"),
    # ... while a count of letters stays letters, a price per ton stays per ton, a rising range stays a range
    ("theo 2 CV của Sở", "theo hai công văn của sở"),
    ("giá 20 triệu đồng/tấn", "giá hai mươi triệu đồng trên tấn"),
    ("dẫn 2-3 đoàn công tác", "dẫn hai đến ba đoàn công tác"),
])
def test_round_nine(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("Trong cả ngày làm việc 10/12, Quốc hội", "trong cả ngày làm việc mười tháng mười hai quốc hội"),
    ("thời lượng 45’/tập", "thời lượng bốn mươi lăm phút trên tập"),
    ("với tỷ số lần lượt 6/0, 6/3.", "với tỷ số lần lượt sáu không sáu ba"),
    # ... while a ratio and a count of matches stay what they were
    ("tỷ số 3/1", "tỷ số ba trên một"),
    ("thắng 3/5 trận", "thắng ba trên năm trận"),
])
def test_named_days_minutes_and_set_scores(written, spoken):
    assert said(written) == spoken
