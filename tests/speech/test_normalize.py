"""The reading rules of /work/shared/tn/CONVENTIONS.md, with numbers and words not in dev.tsv."""
import re
import unicodedata

import pytest
from spoken import said

from loa.speech.normalize import Normalized, Span, normalize


def check(cases: list[tuple[str, str]], region: str = "north") -> None:
    for written, expected in cases:
        assert said(written, region) == expected, written


def test_cardinals():
    check([
        ("21", "hai mươi mốt"), ("24", "hai mươi tư"), ("25", "hai mươi lăm"), ("15", "mười lăm"),
        ("11", "mười một"), ("10", "mười"), ("20", "hai mươi"), ("0", "không"),
        ("101", "một trăm linh một"), ("110", "một trăm mười"), ("1001", "một nghìn không trăm linh một"),
        ("2014", "hai nghìn không trăm mười bốn"), ("2000", "hai nghìn"),
        ("10.000", "mười nghìn"), ("100.000", "một trăm nghìn"),
        ("1.000.005", "một triệu không trăm linh năm"),
        ("1.005.000", "một triệu không trăm linh năm nghìn"),
        ("2.000.500", "hai triệu năm trăm"),
        ("1.000.000.000", "một tỷ"),
        ("1.050.000.000", "một tỷ không trăm năm mươi triệu"),
        ("5.000.000.000.000", "năm nghìn tỷ"),
        ("64.215", "sáu mươi tư nghìn hai trăm mười lăm"),
    ])


def test_south_says_ngan_and_le():
    check([
        ("105", "một trăm lẻ năm"),
        ("2.005", "hai ngàn không trăm lẻ năm"),
        ("1.000.005", "một triệu không trăm lẻ năm"),
    ], region="south")
    assert said("105", "central") == "một trăm linh năm"


def test_unknown_region_is_an_error():
    with pytest.raises(ValueError):
        normalize("1", region="west")


def test_leading_zeros_and_long_digit_strings():
    check([
        ("07 thành viên", "bảy thành viên"), ("00", "không"), ("007", "bảy"),
        ("mã 0123", "mã không một hai ba"),
        ("12345678901234567890", "một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu bảy tám chín không"),
    ])


def test_decimals_and_percent():
    check([
        ("12,5%", "mười hai phẩy năm phần trăm"),
        ("0,05", "không phẩy không năm"),
        ("0,85%", "không phẩy tám mươi lăm phần trăm"),
        ("3,14159", "ba phẩy một bốn một năm chín"),
        ("1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"),
        ("4.0", "bốn chấm không"),
    ])


def test_ranges_and_negatives():
    check([
        ("2020 – 2025", "hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm"),
        ("10-15%", "mười đến mười lăm phần trăm"),
        ("05 - 07 người", "năm đến bảy người"),
        ("từ 7h-9h", "từ bảy giờ đến chín giờ"),
        ("-5°C", "âm năm độ xê"),
        ("nhiệt độ -3,5 độ", "nhiệt độ âm ba phẩy năm độ"),
    ])


def test_ratios_and_per_unit():
    check([
        ("10/15 Tổ", "mười trên mười lăm tổ"),
        ("tỷ lệ 1/3", "tỷ lệ một trên ba"),
        ("04 kỳ/năm", "bốn kỳ trên năm"),
        ("25.000 đồng/kg", "hai mươi lăm nghìn đồng trên ki lô gam"),
        ("300.000 đồng/người/tháng", "ba trăm nghìn đồng trên người trên tháng"),
        ("3x4 m", "ba nhân bốn mét"),
    ])


def test_ordinals():
    check([
        ("thứ 1", "thứ nhất"), ("thứ 4", "thứ tư"), ("Thứ 7", "thứ bảy"), ("thứ 10", "thứ mười"),
        ("kỳ họp thứ 8", "kỳ họp thứ tám"), ("Phần thứ 2", "phần thứ hai"),
    ])


def test_dates():
    check([
        ("ngày 1/10", "ngày một tháng mười"),
        ("sáng 2/9", "sáng ngày hai tháng chín"),
        ("ngày 05/3/2025", "ngày năm tháng ba năm hai nghìn không trăm hai mươi lăm"),
        ("05/3/2025", "ngày năm tháng ba năm hai nghìn không trăm hai mươi lăm"),
        ("ngày 14-4-2024", "ngày mười bốn tháng tư năm hai nghìn không trăm hai mươi tư"),
        ("tháng 12/2024", "tháng mười hai năm hai nghìn không trăm hai mươi tư"),
        ("tháng 01", "tháng một"), ("tháng 4 năm nay", "tháng tư năm nay"), ("4 tháng", "bốn tháng"),
        ("từ 10/12 đến 15/12/2024",
         "từ ngày mười tháng mười hai đến mười lăm tháng mười hai năm hai nghìn không trăm hai mươi tư"),
        ("năm 1975", "năm một nghìn chín trăm bảy mươi lăm"),
        ("năm học 2023/2024", "năm học hai nghìn không trăm hai mươi ba đến hai nghìn không trăm hai mươi tư"),
    ])


def test_dates_joined_and_ranged():
    check([
        ("Ngày 30/4 và 1/5", "ngày ba mươi tháng tư và một tháng năm"),
        ("ngày 30-4", "ngày ba mươi tháng tư"),
        ("từ ngày 18-20/9/2024", "từ ngày mười tám đến hai mươi tháng chín năm hai nghìn không trăm hai mươi tư"),
        ("từ 10-15 người", "từ mười đến mười lăm người"),
    ])


def test_quarters_and_periods_with_a_year():
    check([
        ("quý IV/2024", "quý bốn năm hai nghìn không trăm hai mươi tư"),
        ("Quý 2/2024", "quý hai năm hai nghìn không trăm hai mươi tư"),
        ("Nghị định 42/2022", "nghị định bốn mươi hai năm hai nghìn không trăm hai mươi hai"),
    ])


def test_times():
    check([
        ("14h30", "mười bốn giờ ba mươi phút"), ("7h", "bảy giờ"), ("8h00", "tám giờ"),
        ("7h05", "bảy giờ năm phút"), ("14:30", "mười bốn giờ ba mươi phút"),
        ("14:30:15", "mười bốn giờ ba mươi phút mười lăm giây"), ("lúc 7.30 sáng", "lúc bảy giờ ba mươi phút sáng"),
    ])


def test_roman_numerals_after_their_words():
    check([
        ("khóa XV", "khóa mười lăm"), ("khoá XII", "khoá mười hai"), ("KHÓA XIV", "khóa mười bốn"),
        ("khóa XI, XII và XIII", "khóa mười một mười hai và mười ba"),
        ("Đại hội lần thứ XIII", "đại hội lần thứ mười ba"), ("lần thứ I", "lần thứ nhất"),
        ("lần thứ IV", "lần thứ tư"), ("Đại hội XIV", "đại hội mười bốn"), ("ĐẠI HỘI XIII", "đại hội mười ba"),
        ("thế kỷ XX", "thế kỷ hai mươi"), ("Chương IX", "chương chín"), ("CHƯƠNG I", "chương một"),
        ("Mục V", "mục năm"), ("phần III", "phần ba"), ("kỳ II", "kỳ hai"), ("Hội nghị VI", "hội nghị sáu"),
        ("đợt III", "đợt ba"), ("giai đoạn II", "giai đoạn hai"), ("vòng II", "vòng hai"),
    ])


def test_capital_letters_elsewhere_are_letters():
    check([
        ("Đội I thắng", "đội i thắng"), ("Tổ B", "tổ bê"), ("Mục C", "mục xê"),
        ("ABC", "a bê xê"), ("mã QR", "mã kiu a"), ("XYZ", "ích xì i dài dét"),
    ])


def test_numbered_headings_at_line_start():
    assert said("I. MỤC ĐÍCH\nII. NỘI DUNG") == "một mục đích hai nội dung"
    assert said("Đội I. Tổ B") == "đội i tổ bê"


def test_all_capital_headings_are_read():
    check([
        ("PHẦN THỨ NHẤT", "phần thứ nhất"), ("BÁO CÁO CHÍNH TRỊ", "báo cáo chính trị"),
        ("ĐOÀN KẾT - NĂNG ĐỘNG - PHÁT TRIỂN", "đoàn kết năng động phát triển"),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025-2030",
         "phương hướng nhiệm vụ nhiệm kỳ hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm ba mươi"),
    ])
    assert "," in normalize("ĐOÀN KẾT - NĂNG ĐỘNG").text  # the dash is a pause


def test_abbreviations():
    check([
        ("HĐND, UBND & MTTQ", "hội đồng nhân dân ủy ban nhân dân và mặt trận tổ quốc"),
        ("BCH TW", "ban chấp hành trung ương"), ("T.Ư", "trung ương"),
        ("TP.HCM", "thành phố hồ chí minh"), ("TP. Cần Thơ", "thành phố cần thơ"),
        ("PGS.TS Lê", "phó giáo sư tiến sĩ lê"), ("ThS. Hà", "thạc sĩ hà"), ("TS. Hà", "tiến sĩ hà"),
        ("Sở GD&ĐT", "sở giáo dục và đào tạo"), ("KT-XH", "kinh tế xã hội"), ("QP-AN", "quốc phòng an ninh"),
        ("v.v.", "vân vân"), ("CNTT", "công nghệ thông tin"), ("ĐBQH", "đại biểu quốc hội"),
        ("COVID-19", "cô vít mười chín"), ("kinh tế-xã hội", "kinh tế xã hội"),
    ])


def test_abbreviations_are_case_sensitive():
    assert said("Tu viện") == "tu viện"
    assert said("TU") == "tỉnh ủy"


def test_document_numbers():
    check([
        ("01/2025/NQ-HĐND", "một năm hai nghìn không trăm hai mươi lăm nghị quyết hội đồng nhân dân"),
        ("123/QĐ-UBND", "một trăm hai mươi ba quyết định ủy ban nhân dân"),
        ("45/TTr-UBND", "bốn mươi lăm tờ trình ủy ban nhân dân"),
        ("Quy định số 08-QĐi/TW", "quy định số tám quy định trung ương"),
        ("NQ/HĐND", "nghị quyết hội đồng nhân dân"),
        ("Chỉ thị 05-CT/TU", "chỉ thị năm chỉ thị tỉnh ủy"),
        ("Thông tư 15/2024/TT-BGDĐT", "thông tư mười lăm năm hai nghìn không trăm hai mươi tư thông tư bộ giáo dục và đào tạo"),
        ("số 7/KH-BCĐ", "số bảy kế hoạch ban chỉ đạo"),
        ("số 3/HD-BXY", "số ba hướng dẫn bê ích xì i dài"),
    ])
    for code, name in [("KL", "kết luận"), ("NĐ", "nghị định"), ("TB", "thông báo"), ("BC", "báo cáo"),
                       ("CV", "công văn"), ("QC", "quy chế")]:
        assert said(f"số 9-{code}/TW") == f"số chín {name} trung ương"


def test_units_and_money():
    check([
        ("200 km/h", "hai trăm ki lô mét trên giờ"), ("5 ha", "năm héc ta"), ("50 m²", "năm mươi mét vuông"),
        ("3.200m2", "ba nghìn hai trăm mét vuông"), ("30°C", "ba mươi độ xê"), ("25 kg", "hai mươi lăm ki lô gam"),
        ("12,5 km", "mười hai phẩy năm ki lô mét"), ("50 MW", "năm mươi mê ga oát"),
        ("100 VNĐ", "một trăm việt nam đồng"), ("1 VND", "một việt nam đồng"), ("20 USD", "hai mươi đô la mỹ"),
        ("500.000đ", "năm trăm nghìn đồng"), ("2,5 tỷ đồng", "hai phẩy năm tỷ đồng"),
        ("$100", "một trăm đô la"), ("mỗi km", "mỗi ki lô mét"),
    ])


def test_phone_numbers():
    check([
        ("0272.3826.123", "không hai bảy hai ba tám hai sáu một hai ba"),
        ("0913 456 789", "không chín một ba bốn năm sáu bảy tám chín"),
        ("0913456789", "không chín một ba bốn năm sáu bảy tám chín"),
        ("028 3822 1234", "không hai tám ba tám hai hai một hai ba bốn"),
        ("+84 913 456 789", "cộng tám bốn chín một ba bốn năm sáu bảy tám chín"),
        ("ĐT: (0272) 3826 123", "điện thoại không hai bảy hai ba tám hai sáu một hai ba"),
        ("gọi 1900 1234", "gọi một chín không không một hai ba bốn"),
    ])


def test_symbols_list_markers_and_quotes():
    check([
        ("- Thuận lợi", "thuận lợi"), ("* Về thành tựu", "về thành tựu"), ("+ Cùng với", "cùng với"),
        ("• Một là", "một là"), ("“Bàn tròn” và \"Hỏi nhanh\"", "bàn tròn và hỏi nhanh"),
        ("A & B", "a và bê"), ("½", "một phần hai"),
    ])
    assert normalize("- Thuận lợi\n- Khó khăn").text == "Thuận lợi\nKhó khăn"


def test_urls_and_emails_are_read_without_symbols():
    spoken = said("https://www.longan.gov.vn/tin-tuc hoặc vanphong@longan.gov.vn.")
    assert "chấm" in spoken and "a còng" in spoken
    assert not re.search(r"[/@:]", normalize("https://x.vn/a?b=1").text)


def test_punctuation_stays_as_pauses():
    assert normalize("Tiếp 230 lượt; tiếp nhận 1038 đơn.").text == (
        "Tiếp hai trăm ba mươi lượt; tiếp nhận một nghìn không trăm ba mươi tám đơn."
    )


def test_lexicon_comes_first_and_is_not_renormalized():
    result = normalize("Phần mềm eCabinet ở Long An, TP.HCM", lexicon={
        "eCabinet": "i ca bi nét", "Long An": "Long An", "TP.HCM": "Sài Gòn",
    })
    assert result.text == "Phần mềm i ca bi nét ở Long An, Sài Gòn"
    # Whole words only, case-sensitive, longest first.
    assert normalize("Long Anh long an", lexicon={"Long An": "X", "Long": "Y"}).text == "Y Anh long an"
    assert normalize("Long An", lexicon={"Long An": "X", "Long": "Y"}).text == "X"


def test_spans_map_expansions_to_their_source():
    source = "với 53.082 cử tri"
    result = normalize(source)
    start = result.text.index("năm mươi ba")
    end = start + len("năm mươi ba nghìn không trăm tám mươi hai")
    assert source[slice(*result.source_range(start, end))] == "53.082"
    assert source[slice(*result.source_range(0, 3))] == "với"


def test_spans_point_at_the_original_text_when_input_is_not_nfc():
    source = unicodedata.normalize("NFD", "Khoá XIII hoà 12-QĐ/ĐU")
    result = normalize(source)
    assert result.text == "Khoá mười ba hoà mười hai quyết định đảng ủy"
    pieces = {result.text[s.out_start:s.out_end]: source[s.src_start:s.src_end] for s in result.spans}
    assert pieces["mười ba"] == "XIII"
    assert pieces["quyết định"] == "QĐ"
    assert unicodedata.normalize("NFC", pieces["hoà"]) == "hoà"


def test_result_types():
    result = normalize("Hà Nội")
    assert isinstance(result, Normalized)
    assert all(isinstance(span, Span) for span in result.spans)
    assert normalize("").text == "" and normalize("").spans == ()
    assert normalize("").source_range(0, 0) == (0, 0)


def test_seed_article_is_clean(seed_text):
    text = seed_text
    result = normalize(text)
    assert not re.search(r"[0-9%/&°]", result.text)
    for line in text.splitlines():
        assert not re.search(r"[0-9%/&°]|UBND|HĐND|QĐ", normalize(line).text), line


def test_enormous_input_is_read_whole():
    # Speed is measured by bench/speech.py; here only that nothing is lost or cut.
    chunk = "Có 53.082 cử tri, ngày 05/3/2025 (khóa XIII) tại TP.HCM, 12,5% - a.b@c.vn\n"
    big = chunk * 5000
    result = normalize(big)
    assert result.text.count("năm mươi ba nghìn không trăm tám mươi hai") == 5000
    assert result.spans[-1].src_end <= len(big)


def test_mixed_official_constructions():
    """Cases found while writing tn_extra2.tsv: headings, day ranges, scales, posts, titles."""
    check([
        ("IV- KIẾN NGHỊ", "bốn kiến nghị"), ("II.2. Về xã hội", "hai hai về xã hội"),
        ("Phụ lục II", "phụ lục hai"), ("mức lương tối thiểu vùng I", "mức lương tối thiểu vùng một"),
        ("đô thị loại II", "đô thị loại hai"), ("Phường IV", "phường bốn"), ("hạng C", "hạng xê"),
        ("Từ 01-15/11, các đơn vị", "từ một đến mười lăm tháng mười một các đơn vị"),
        ("từ 5-7/10 điểm", "từ năm đến bảy trên mười điểm"),
        ("ngày 10/12 - ngày 12/12", "ngày mười tháng mười hai đến ngày mười hai tháng mười hai"),
        ("bản đồ tỷ lệ 1/2000", "bản đồ tỷ lệ một trên hai nghìn"),
        ("số 1, đường 30/4", "số một đường ba mươi tháng tư"),
        ("4.500 tỷ/5.000 tỷ", "bốn nghìn năm trăm tỷ trên năm nghìn tỷ"),
        ("đoạn Km5+200", "đoạn ki lô mét năm cộng hai trăm"),
        ("PCT UBND tỉnh", "phó chủ tịch ủy ban nhân dân tỉnh"), ("PGĐ Sở", "phó giám đốc sở"),
        ("tước GPLX", "tước giấy phép lái xe"), ("vốn ODA", "vốn ô đê a"),
        ("SĐT: 0909.123.456", "số điện thoại không chín không chín một hai ba bốn năm sáu"),
        ("ĐVT: triệu đồng", "đơn vị tính triệu đồng"),
    ])
