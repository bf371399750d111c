"""Real public text, round ten (issue 19): the kinds of miss tn_real_dev14.tsv (state bodies) and
tn_real_dev15.tsv (the press and sectors) showed, each with what its rule must leave alone.
"""

import pytest
from spoken import said


@pytest.mark.parametrize("written, spoken", [
    # titles with their dot lost before the body's name
    ("CT.Hội LHPN huyện phát biểu", "chủ tịch hội liên hiệp phụ nữ huyện phát biểu"),
    ("ĐUV, CT.MTTQ Việt Nam", "đảng ủy viên chủ tịch mặt trận tổ quốc việt nam"),
    ("BT.Đoàn xã", "bí thư đoàn xã"),
    ("dự án CT. Sau đó", "dự án xê tê sau đó"),  # a sentence's end, not a title
    ("TT.UBMTTQ xã dự", "thường trực ủy ban mặt trận tổ quốc xã dự"),
    ("TT.Phú Mỹ", "thị trấn phú mỹ"),
    ("P. QLĐT, P.KT thông báo", "phòng quản lý đô thị phòng kinh tế thông báo"),
    ("P. Bến Nghé, Q.1", "phường bến nghé quận một"),
    # a term of office, not imports
    ("lần thứ 8 NK 2022-2027", "lần thứ tám nhiệm kỳ hai nghìn không trăm hai mươi hai đến hai nghìn không trăm hai mươi bảy"),
    ("hàng NK năm 2024", "hàng nhập khẩu năm hai nghìn không trăm hai mươi tư"),
    # comrades after a count, not a price per something
    ("có 3 đ/c 65 tuổi Đảng", "có ba đồng chí sáu mươi lăm tuổi đảng"),
    ("giá 5.000đ/cái", "giá năm nghìn đồng trên cái"),
    # rows of the tables
    ("Trường TH Nguyễn Viết Xuân", "trường tiểu học nguyễn viết xuân"),
    ("CBCS CAQ Ngô Quyền", "cán bộ chiến sĩ công an quận ngô quyền"),
    ("Công văn số 5417/VKSTC-V8", "công văn số năm nghìn bốn trăm mười bảy viện kiểm sát nhân dân tối cao vụ tám"),
    ("Kế hoạch số 03/KH-VC3-VP", "kế hoạch số ba kế hoạch viện cấp cao ba văn phòng"),
    ("Thông báo số 12/TB-UBND", "thông báo số mười hai thông báo ủy ban nhân dân"),
    ("trên địa bàn KP4, phường Tân Hòa", "trên địa bàn khu phố bốn phường tân hòa"),
    ("là tp. Hà Giang có", "là thành phố hà giang có"),
    ("Chủ tịch Hội ĐKSSYN huyện", "chủ tịch hội đoàn kết sư sãi yêu nước huyện"),
    ("lễ Sêne Đôlta năm 2022", "lễ sê ne đôn ta năm hai nghìn không trăm hai mươi hai"),
    # a company's name among the codes of a document number
    ("thông báo số 1791/Viwaco-KD về", "thông báo số một nghìn bảy trăm chín mươi mốt vi oa cô kinh doanh về"),
    ("Quyết định 12/Qđ-UBND", "quyết định mười hai quyết định ủy ban nhân dân"),
    ("ông Trạng – CT UBND huyện, CT UBBC huyện Trà Ôn", "ông trạng chủ tịch ủy ban nhân dân huyện chủ tịch ủy ban bầu cử huyện trà ôn"),
    ("gọi là CSNV xuất ngũ", "gọi là chiến sĩ nghĩa vụ xuất ngũ"),
    ("- Như trên (b/c); - Sở Tư pháp (p/h);", "như trên báo cáo sở tư pháp phối hợp"),
    ("Bộ Tư lệnh QK2 và QK 7", "bộ tư lệnh quân khu hai và quân khu bảy"),
    ("HCV cự ly 100m ếch, HCV tiếp sức 4x100 m", "huy chương vàng cự ly một trăm mét ếch huy chương vàng tiếp sức bốn nhân một trăm mét"),
    ("viêm gan HCV", "viêm gan hát xê vê"),
])
def test_titles_terms_and_table_rows(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # Roman numerals after số, chuyên khoa, mức độ
    ("Trại tạm giam số II", "trại tạm giam số hai"),
    ("Bác sỹ chuyên khoa II", "bác sỹ chuyên khoa hai"),
    ("đạt chuẩn quốc gia mức độ I.", "đạt chuẩn quốc gia mức độ một"),
    ("Đội I", "đội i"),
    # an occasion's date after đợt, a share still a share
    ("Huy hiệu Đảng đợt 2/9 và 7/11.", "huy hiệu đảng đợt hai tháng chín và bảy tháng mười một"),
    ("trả nợ đợt 1/3 số tiền", "trả nợ đợt một phần ba số tiền"),
    ("đợt 1/2024", "đợt một năm hai nghìn không trăm hai mươi tư"),
    # a dotted number before a unit or "trở lên" is a quantity; "trở đi" keeps the date
    ("từ 6.5 trở lên", "từ sáu phẩy năm trở lên"),
    ("từ 2.2 – 2.5 bar", "từ hai phẩy hai đến hai phẩy năm ba"),
    ("từ 15.6 trở đi", "từ ngày mười lăm tháng sáu trở đi"),
    # one-digit minutes; a year after a spaced slash; two years glued by a comma
    ("khoảng 19h5 ngày 11/2", "khoảng mười chín giờ năm phút ngày mười một tháng hai"),
    ("15/04/2022 05:10 CH", "ngày mười lăm tháng tư năm hai nghìn không trăm hai mươi hai năm giờ mười phút chiều"),
    ("09:15 SA", "chín giờ mười lăm phút sáng"),
    ("tại Quảng trường 19/8, Trung tâm", "tại quảng trường mười chín tháng tám trung tâm"),
    ("Bộ luật Lao động ngày 20/11/ 2019", "bộ luật lao động ngày hai mươi tháng mười một năm hai nghìn không trăm mười chín"),
    ("các năm 2023, 2024,2025 và",
     "các năm hai nghìn không trăm hai mươi ba hai nghìn không trăm hai mươi tư hai nghìn không trăm hai mươi lăm và"),
    ("tăng 2,5 lần", "tăng hai phẩy năm lần"),
])
def test_numerals_dates_and_quantities(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # plates with a space, after BKS: with no space, after xe máy / xe tải
    ("mang BKS:15R- 069.51 đang", "mang biển kiểm soát mười lăm e rờ không sáu chín năm một đang"),
    ("xe máy 77N5 1678 chở", "xe máy bảy mươi bảy en năm một sáu bảy tám chở"),
    ("xe tải 78K 8246 do", "xe tải bảy mươi tám ca tám hai bốn sáu do"),
    ("xe tải 5 tấn", "xe tải năm tấn"),
    # the sets of a match after its score; a range in brackets stays a range
    ("thắng 3-1 (6-2, 3-6, 6-1, 6-4) để", "thắng ba một sáu hai ba sáu sáu một sáu bốn để"),
    ("giảm 3-5 (10-12 tháng)", "giảm ba đến năm mười đến mười hai tháng"),
    # the minute of a goal after the scorer's name
    ("Duy Mạnh 26', Quế Ngọc Hải 55' (pen)", "duy mạnh phút hai mươi sáu quế ngọc hải phút năm mươi lăm pen"),
    ("thời lượng 45’/tập", "thời lượng bốn mươi lăm phút trên tập"),
    # a storm's centre and a danger zone's bounds
    ("16,8N-115,3E; cách", "mười sáu phẩy tám độ vĩ bắc một trăm mười lăm phẩy ba độ kinh đông cách"),
    ("từ 16,5 độ Vĩ Bắc - 20,5 độ Vĩ Bắc",
     "từ mười sáu phẩy năm độ vĩ bắc đến hai mươi phẩy năm độ vĩ bắc"),
    ("lớp 5E", "lớp năm e"),
    # a race time; a plate with its dash left out; an area code of four digits in brackets
    ("100m ếch (1:05.24)", "một trăm mét ếch một phút không năm giây hai mươi tư"),
    ("lúc 10:36 ngày", "lúc mười giờ ba mươi sáu phút ngày"),
    ("xe con biển số 93A189.59 lưu thông", "xe con biển số chín mươi ba a một tám chín năm chín lưu thông"),
    ("Hotline: (02133) 878 436", "hót lai không hai một ba ba tám bảy tám bốn ba sáu"),
    # Covid -19 is no negative number; a temperature is
    ("dịch bệnh Covid -19.", "dịch bệnh cô vít mười chín"),
    ("nhiệt độ -5 độ", "nhiệt độ âm năm độ"),
])
def test_plates_scores_and_coordinates(written, spoken):
    assert said(written) == spoken
