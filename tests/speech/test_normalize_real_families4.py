"""Real public text, fourth round (issue 19): the kinds of miss tn_real_dev4.tsv showed, each with its
family and with what its rule must leave alone.
"""

import pytest
from spoken import said


@pytest.mark.parametrize("written, spoken", [
    # the procuracy, investigation bodies and the Front's presidium in document numbers and text
    ("Số: 11/HD-VKSTC", "số mười một hướng dẫn viện kiểm sát nhân dân tối cao"),
    ("thuộc Cơ quan ANĐT", "thuộc cơ quan an ninh điều tra"),
    ("số 72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN",
     "số bảy mươi hai năm hai nghìn không trăm hai mươi lăm nghị quyết liên tịch ủy ban thường vụ quốc hội "
     "mười lăm chính phủ đoàn chủ tịch ủy ban trung ương mặt trận tổ quốc việt nam"),
    ("trả lời kiến nghị của cử tri (KNCT)", "trả lời kiến nghị của cử tri kiến nghị cử tri"),
    # banks, taxes and the power sector
    ("Ngân hàng TMCP Công thương", "ngân hàng thương mại cổ phần công thương"),
    ("thuế TNCN và thuế GTGT", "thuế thu nhập cá nhân và thuế giá trị gia tăng"),
    ("của HTĐ miền Nam", "của hệ thống điện miền nam"),
    ("Hội nghị BCH LĐBĐVN", "hội nghị ban chấp hành liên đoàn bóng đá việt nam"),
])
def test_bodies_banks_and_power_sector(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # Roman numerals that count after these words are numbers
    ("Tuyến đường Trục I Tây Bắc", "tuyến đường trục một tây bắc"),
    ("di tích Bến phà II Long Đại", "di tích bến phà hai long đại"),
    ("điều chỉnh QHĐ VII", "điều chỉnh quy hoạch điện bảy"),
    ("Quy hoạch điện VIII", "quy hoạch điện tám"),
    ("đường Vành đai III", "đường vành đai ba"),
    # ... and a team's letter stays a letter
    ("Đội I thắng", "đội i thắng"),
])
def test_roman_numerals_that_count(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # a bare date set off by a comma or a dash after "sáng nay", "ngày mai", to the end of the sentence or a bracket
    ("tại buổi gặp gỡ báo chí sáng nay, 9/10.", "tại buổi gặp gỡ báo chí sáng nay ngày chín tháng mười"),
    ("Lịch cắt điện ngày mai - 7/2 (PLVN)", "lịch cắt điện ngày mai ngày bảy tháng hai pê e lờ vê en"),
    # a space before the slash after "ngày"
    ("Ngày 22 /7, Đảng bộ xã", "ngày hai mươi hai tháng bảy đảng bộ xã"),
    # a d.m right after a time of day
    ("từ 0 giờ ngày 1.9 đến 6 giờ 5.9 (trừ", "từ không giờ ngày một tháng chín đến sáu giờ ngày năm tháng chín trừ"),
    # ... but a share after a time stays a share
    ("chiếm 1/3.", "chiếm một phần ba"),
    ("tỷ lệ 3/4.", "tỷ lệ ba trên bốn"),
    # round the clock is no date; the 24th of July after a date word still is
    ("7 ngày trong tuần (24/7), bắt đầu", "bảy ngày trong tuần hai mươi tư trên bảy bắt đầu"),
    ("hoạt động suốt 24/7.", "hoạt động suốt hai mươi tư trên bảy"),
    ("ngày 24/7 tới", "ngày hai mươi tư tháng bảy tới"),
    ("hôm nay (24/7), trực ban", "hôm nay ngày hai mươi tư tháng bảy trực ban"),
    # a date, a dash and a count: a pause, not a range; a date to a year stays a range
    ("28/08/2015 - 366 Lượt xem", "ngày hai mươi tám tháng tám năm hai nghìn không trăm mười lăm ba trăm sáu mươi sáu lượt xem"),
    ("ngày 28/08/2015 - 2016", "ngày hai mươi tám tháng tám năm hai nghìn không trăm mười lăm đến hai nghìn không trăm mười sáu"),
])
def test_newspaper_dates(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # service numbers after a hotline label: the groups as the label says; a range elsewhere stays a range
    ("đường dây nóng 1900-9095 về", "đường dây nóng một chín không không chín không chín năm về"),
    ("Đường dây nóng hỗ trợ 1900 54 54 81", "đường dây nóng hỗ trợ một chín không không năm bốn năm bốn tám một"),
    ("khoảng 1800-3000 người", "khoảng một nghìn tám trăm đến ba nghìn người"),
    ("từ năm 1900-1945", "từ năm một nghìn chín trăm đến một nghìn chín trăm bốn mươi lăm"),
    # an old Hanoi number with a five-digit group
    ("hoặc 04.22222.000;", "hoặc không bốn hai hai hai hai hai không không không"),
    # ... and a thousands number is still a number
    ("là 22.222.000 đồng", "là hai mươi hai triệu hai trăm hai mươi hai nghìn đồng"),
])
def test_hotlines(written, spoken):
    assert said(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # a slash between two names (a byline) is silent; between a price and a unit it is "trên"
    ("Theo Minh Đức - Quang Trung/Công lý", "theo minh đức quang trung công lý"),
    ("150.000 đồng/công lao động", "một trăm năm mươi nghìn đồng trên công lao động"),
    ("tỉnh/thành phố", "tỉnh thành phố"),
    # site names in unaccented Vietnamese and a festival's English name
    ("ThienNhien.Net", "thiên nhiên chấm nét"),
    ("Phuninh.gov.vn", "phú ninh chấm gốp chấm vê en"),
    ("Lễ hội Thanh niên (Youth Fest)", "lễ hội thanh niên diu phét"),
    # cm reads like cm2 and cm3
    ("ngập sâu từ 30-50cm", "ngập sâu từ ba mươi đến năm mươi xăng ti mét"),
])
def test_bylines_sites_and_units(written, spoken):
    assert said(written) == spoken
