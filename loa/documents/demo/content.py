"""Demo documents: resolutions, plans, reports, submissions, notices and letters of a provincial council.

The texts are plausible and generic (no real persons); each becomes a generated PDF (or DOCX)
with a Vietnamese text layer, so the library, search, extraction and read-aloud all run on
real files. One is a scan (an image-only PDF) to show that path too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

TYPES = [  # (slug, name, code in the number)
    ("nghi-quyet", "Nghị quyết", "NQ"),
    ("quyet-dinh", "Quyết định", "QĐ"),
    ("ke-hoach", "Kế hoạch", "KH"),
    ("bao-cao", "Báo cáo", "BC"),
    ("to-trinh", "Tờ trình", "TTr"),
    ("thong-bao", "Thông báo", "TB"),
    ("cong-van", "Công văn", ""),
]
ISSUERS = [
    ("hdnd-tinh", "Hội đồng nhân dân tỉnh"),
    ("thuong-truc-hdnd", "Thường trực Hội đồng nhân dân tỉnh"),
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh"),
    ("ban-phap-che", "Ban Pháp chế Hội đồng nhân dân tỉnh"),
    ("van-phong", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
]
FIELDS = [
    ("tai-chinh-ngan-sach", "Tài chính – Ngân sách"),
    ("dau-tu-cong", "Đầu tư công"),
    ("giao-duc", "Giáo dục – Đào tạo"),
    ("y-te", "Y tế"),
    ("an-sinh-xa-hoi", "An sinh xã hội"),
    ("kinh-te-xa-hoi", "Kinh tế – Xã hội"),
    ("chuyen-doi-so", "Khoa học, công nghệ và chuyển đổi số"),
    ("to-chuc-bo-may", "Tổ chức bộ máy"),
]
LETTERHEADS = {
    "hdnd-tinh": "HỘI ĐỒNG NHÂN DÂN\nTỈNH",
    "thuong-truc-hdnd": "HỘI ĐỒNG NHÂN DÂN TỈNH\nTHƯỜNG TRỰC",
    "ubnd-tinh": "ỦY BAN NHÂN DÂN\nTỈNH",
    "ban-phap-che": "HỘI ĐỒNG NHÂN DÂN TỈNH\nBAN PHÁP CHẾ",
    "van-phong": "VĂN PHÒNG ĐOÀN ĐBQH\nVÀ HĐND TỈNH",
}
SIGNERS = {
    "hdnd-tinh": ("Chủ tịch", "Trần Quốc Hưng"),
    "thuong-truc-hdnd": ("Phó Chủ tịch", "Lê Thị Minh Hà"),
    "ubnd-tinh": ("Chủ tịch", "Phạm Văn Thành"),
    "ban-phap-che": ("Trưởng ban", "Võ Thanh Tùng"),
    "van-phong": ("Chánh Văn phòng", "Nguyễn Hoàng Phúc"),
}

BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;",
]


@dataclass
class DemoDocument:
    slug: str
    number: str
    type_slug: str
    issuer_slug: str
    issued: date
    title: str
    summary: str
    fields: list[str]
    articles: list[tuple[str, list[str]]]  # (Điều heading, its paragraphs/clauses)
    effective: date | None = None
    status: str = "con-hieu-luc"
    changed_by: str = ""  # slug of the document that changes this one
    session: str = ""  # "khóa X, kỳ họp thứ 25" for resolutions
    preamble: list[str] = field(default_factory=list)
    file_format: str = "pdf"  # "pdf", "docx" or "scan"
    annex: list[str] = field(default_factory=list)  # a second file (DOCX): Phụ lục

    @property
    def doc_type_name(self) -> str:
        return next(name for slug, name, _ in TYPES if slug == self.type_slug)


def resolution_lines(doc: DemoDocument) -> list[str]:
    lines = [f"# {doc.doc_type_name.upper()}", f"# {doc.summary}",
             f"# HỘI ĐỒNG NHÂN DÂN TỈNH {doc.session.upper()}" if doc.session else "", ""]
    lines += BASES + doc.preamble
    if doc.type_slug == "nghi-quyet":
        lines += ["", "# QUYẾT NGHỊ:"]
    for heading, paragraphs in doc.articles:
        lines.append(f"## {heading}")
        lines += paragraphs
    return [line for line in lines if line is not None]


def letter_lines(doc: DemoDocument) -> list[str]:
    lines = [f"# {doc.doc_type_name.upper()}", f"# {doc.summary}", ""]
    for heading, paragraphs in doc.articles:
        if heading:
            lines.append(f"## {heading}")
        lines += paragraphs
    return lines


def closing_lines(doc: DemoDocument) -> list[str]:
    title, name = SIGNERS[doc.issuer_slug]
    return ["", f"# {title.upper()}", f"# {name}"]


DOCUMENTS = [
    DemoDocument(
        slug="nghi-quyet-25-2024-du-toan-ngan-sach-2025", number="25/2024/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2024, 12, 10), effective=date(2025, 1, 1),
        title="Nghị quyết về dự toán ngân sách địa phương năm 2025",
        summary="Về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương và phân bổ ngân sách cấp tỉnh năm 2025",
        fields=["tai-chinh-ngan-sach"], session="khóa X, kỳ họp thứ 21",
        preamble=["Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
                  "Xét Tờ trình số 160/TTr-UBND ngày 20 tháng 11 năm 2024 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp."],
        articles=[
            ("Điều 1. Dự toán thu ngân sách nhà nước năm 2025", [
                "1. Tổng thu ngân sách nhà nước trên địa bàn là 12.345 tỷ đồng, trong đó:",
                "a) Thu nội địa: 10.200 tỷ đồng, tăng 8,5% so với ước thực hiện năm 2024;",
                "b) Thu từ hoạt động xuất nhập khẩu: 2.145 tỷ đồng.",
                "2. Tổng thu ngân sách địa phương được hưởng theo phân cấp là 9.870 tỷ đồng.",
            ]),
            ("Điều 2. Dự toán chi ngân sách địa phương năm 2025", [
                "1. Tổng chi ngân sách địa phương là 15.678 tỷ đồng, gồm chi đầu tư phát triển 4.520 tỷ đồng và chi thường xuyên 10.650 tỷ đồng.",
                "2. Dự phòng ngân sách địa phương là 312 tỷ đồng, bằng 2% tổng chi cân đối ngân sách địa phương.",
                "3. Chi tạo nguồn cải cách tiền lương theo quy định của Chính phủ.",
            ]),
            ("Điều 3. Tổ chức thực hiện", [
                "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
                "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
                "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X, kỳ họp thứ 21 thông qua ngày 10 tháng 12 năm 2024 và có hiệu lực từ ngày 01 tháng 01 năm 2025.",
            ]),
        ],
        annex=["# PHỤ LỤC I", "# Dự toán thu ngân sách nhà nước trên địa bàn năm 2025",
               "1. Thu từ doanh nghiệp nhà nước: 1.250 tỷ đồng.", "2. Thu từ doanh nghiệp có vốn đầu tư nước ngoài: 2.980 tỷ đồng.",
               "3. Thu tiền sử dụng đất: 2.300 tỷ đồng.", "4. Thu xổ số kiến thiết: 1.150 tỷ đồng."],
    ),
    DemoDocument(
        slug="nghi-quyet-26-2024-ke-hoach-dau-tu-cong-2025", number="26/2024/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2024, 12, 10), effective=date(2024, 12, 20),
        title="Nghị quyết về kế hoạch đầu tư công năm 2025",
        summary="Về kế hoạch đầu tư công năm 2025 nguồn vốn ngân sách địa phương",
        fields=["dau-tu-cong"], session="khóa X, kỳ họp thứ 21",
        preamble=["Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;"],
        articles=[
            ("Điều 1. Tổng vốn kế hoạch đầu tư công năm 2025", [
                "Tổng vốn đầu tư công năm 2025 nguồn ngân sách địa phương là 4.520 tỷ đồng, phân bổ cho 186 dự án, trong đó 42 dự án khởi công mới.",
            ]),
            ("Điều 2. Nguyên tắc phân bổ", [
                "1. Ưu tiên bố trí vốn cho các dự án chuyển tiếp, dự án hoàn thành trong năm 2025.",
                "2. Bố trí đủ vốn đối ứng cho các dự án sử dụng vốn ngân sách trung ương.",
                "3. Không bố trí vốn cho dự án chưa đủ thủ tục đầu tư theo quy định.",
            ]),
            ("Điều 3. Tổ chức thực hiện", [
                "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện; định kỳ 6 tháng báo cáo tiến độ giải ngân với Hội đồng nhân dân tỉnh.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-27-2024-ho-tro-hoc-phi", number="27/2024/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2024, 12, 10), effective=date(2025, 1, 1),
        title="Nghị quyết quy định mức hỗ trợ học phí năm học 2024-2025",
        summary="Quy định mức hỗ trợ học phí cho trẻ em mầm non và học sinh phổ thông công lập trên địa bàn tỉnh năm học 2024-2025",
        fields=["giao-duc", "an-sinh-xa-hoi"], session="khóa X, kỳ họp thứ 21",
        preamble=["Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;"],
        articles=[
            ("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", [
                "Nghị quyết này quy định mức hỗ trợ học phí đối với trẻ em mầm non, học sinh trung học cơ sở và trung học phổ thông tại các cơ sở giáo dục công lập trên địa bàn tỉnh.",
            ]),
            ("Điều 2. Mức hỗ trợ", [
                "1. Hỗ trợ 100% học phí cho trẻ em mầm non và học sinh trung học cơ sở.",
                "2. Hỗ trợ 50% học phí cho học sinh trung học phổ thông; tổng kinh phí dự kiến 186,5 tỷ đồng.",
            ]),
            ("Điều 3. Tổ chức thực hiện", [
                "Giao Ủy ban nhân dân tỉnh hướng dẫn trình tự, thủ tục chi trả kinh phí hỗ trợ.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-12-2024-ho-tro-bao-hiem-y-te", number="12/2024/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2024, 7, 12), effective=date(2024, 8, 1), status="sua-doi-bo-sung",
        changed_by="nghi-quyet-17-2025-sua-doi-nghi-quyet-12-2024",
        title="Nghị quyết quy định mức hỗ trợ đóng bảo hiểm y tế",
        summary="Quy định mức hỗ trợ đóng bảo hiểm y tế cho một số đối tượng trên địa bàn tỉnh giai đoạn 2024-2026",
        fields=["y-te", "an-sinh-xa-hoi"], session="khóa X, kỳ họp thứ 18",
        preamble=["Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008;"],
        articles=[
            ("Điều 1. Đối tượng được hỗ trợ", [
                "1. Người thuộc hộ gia đình cận nghèo.", "2. Người cao tuổi từ đủ 70 tuổi đến dưới 80 tuổi chưa có thẻ bảo hiểm y tế.",
                "3. Học sinh, sinh viên thuộc hộ gia đình có mức sống trung bình.",
            ]),
            ("Điều 2. Mức hỗ trợ", [
                "Ngân sách tỉnh hỗ trợ 30% mức đóng bảo hiểm y tế ngoài phần ngân sách trung ương hỗ trợ.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-15-2025-kinh-te-xa-hoi-6-thang", number="15/2025/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2025, 7, 11), effective=date(2025, 7, 11),
        title="Nghị quyết về nhiệm vụ, giải pháp phát triển kinh tế - xã hội 6 tháng cuối năm 2025",
        summary="Về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm và nhiệm vụ, giải pháp 6 tháng cuối năm 2025",
        fields=["kinh-te-xa-hoi"], session="khóa X, kỳ họp thứ 25",
        articles=[
            ("Điều 1. Đánh giá tình hình 6 tháng đầu năm 2025", [
                "Tốc độ tăng trưởng kinh tế ước đạt 7,5%; thu ngân sách nhà nước đạt 56,2% dự toán; tỷ lệ hộ nghèo giảm còn 1,8%.",
            ]),
            ("Điều 2. Nhiệm vụ, giải pháp 6 tháng cuối năm", [
                "1. Đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu đạt trên 95% kế hoạch.",
                "2. Tập trung giải quyết kiến nghị của cử tri về bồi thường, hỗ trợ, tái định cư.",
                "3. Bảo đảm nước sinh hoạt cho người dân nông thôn trong mùa khô.",
            ]),
            ("Điều 3. Tổ chức thực hiện", [
                "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X, kỳ họp thứ 25 thông qua ngày 11 tháng 7 năm 2025.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-16-2025-dieu-chinh-dau-tu-cong-trung-han", number="16/2025/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2025, 7, 11), effective=date(2025, 7, 11),
        title="Nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021-2025",
        summary="Về việc điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021-2025 nguồn vốn ngân sách địa phương",
        fields=["dau-tu-cong"], session="khóa X, kỳ họp thứ 25",
        articles=[
            ("Điều 1. Điều chỉnh giảm", [
                "Điều chỉnh giảm 350 tỷ đồng của 12 dự án không có khả năng giải ngân trong giai đoạn 2021-2025.",
            ]),
            ("Điều 2. Điều chỉnh tăng", [
                "Điều chỉnh tăng 350 tỷ đồng cho 8 dự án giao thông trọng điểm và 5 dự án cấp nước sinh hoạt nông thôn.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-17-2025-sua-doi-nghi-quyet-12-2024", number="17/2025/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2025, 7, 11), effective=date(2025, 8, 1),
        title="Nghị quyết sửa đổi, bổ sung Nghị quyết số 12/2024/NQ-HĐND",
        summary="Sửa đổi, bổ sung một số điều của Nghị quyết số 12/2024/NQ-HĐND quy định mức hỗ trợ đóng bảo hiểm y tế cho một số đối tượng",
        fields=["y-te", "an-sinh-xa-hoi"], session="khóa X, kỳ họp thứ 25",
        articles=[
            ("Điều 1. Sửa đổi, bổ sung Điều 2", [
                "Sửa đổi mức hỗ trợ tại Điều 2 như sau: ngân sách tỉnh hỗ trợ 50% mức đóng bảo hiểm y tế ngoài phần ngân sách trung ương hỗ trợ.",
            ]),
            ("Điều 2. Hiệu lực thi hành", [
                "Nghị quyết này có hiệu lực từ ngày 01 tháng 8 năm 2025.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-18-2025-ho-tro-dich-vu-cong-truc-tuyen", number="18/2025/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2025, 7, 11), effective=date(2025, 8, 1),
        title="Nghị quyết hỗ trợ người dân sử dụng dịch vụ công trực tuyến",
        summary="Quy định chính sách hỗ trợ người cao tuổi, người khuyết tật sử dụng dịch vụ công trực tuyến trên địa bàn tỉnh",
        fields=["chuyen-doi-so", "an-sinh-xa-hoi"], session="khóa X, kỳ họp thứ 25",
        articles=[
            ("Điều 1. Nội dung hỗ trợ", [
                "1. Miễn lệ phí đối với hồ sơ nộp trực tuyến toàn trình.",
                "2. Bố trí tổ công nghệ số cộng đồng hướng dẫn tại nhà cho người cao tuổi, người khuyết tật.",
            ]),
            ("Điều 2. Kinh phí thực hiện", [
                "Kinh phí thực hiện từ ngân sách tỉnh, dự kiến 12,8 tỷ đồng mỗi năm.",
            ]),
        ],
    ),
    DemoDocument(
        slug="nghi-quyet-08-2020-dinh-muc-chi-thuong-xuyen", number="08/2020/NQ-HĐND", type_slug="nghi-quyet",
        issuer_slug="hdnd-tinh", issued=date(2020, 12, 9), effective=date(2021, 1, 1), status="het-hieu-luc",
        changed_by="nghi-quyet-25-2024-du-toan-ngan-sach-2025",
        title="Nghị quyết quy định định mức phân bổ dự toán chi thường xuyên năm 2021",
        summary="Quy định định mức phân bổ dự toán chi thường xuyên ngân sách địa phương năm 2021",
        fields=["tai-chinh-ngan-sach"], session="khóa IX, kỳ họp thứ 17",
        articles=[
            ("Điều 1. Định mức phân bổ", [
                "Định mức phân bổ chi quản lý hành chính là 125 triệu đồng mỗi biên chế mỗi năm.",
            ]),
        ],
    ),
    DemoDocument(
        slug="ke-hoach-45-to-chuc-ky-hop-thu-25", number="45/KH-HĐND", type_slug="ke-hoach",
        issuer_slug="thuong-truc-hdnd", issued=date(2025, 5, 20),
        title="Kế hoạch tổ chức Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X",
        summary="Kế hoạch tổ chức Kỳ họp thứ 25 (kỳ họp thường lệ giữa năm 2025) Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ 2021-2026",
        fields=["to-chuc-bo-may"],
        articles=[
            ("I. MỤC ĐÍCH, YÊU CẦU", [
                "Chuẩn bị chu đáo nội dung, bảo đảm kỳ họp diễn ra đúng luật, dân chủ, thiết thực, hiệu quả.",
            ]),
            ("II. THỜI GIAN, ĐỊA ĐIỂM", [
                "Kỳ họp dự kiến tổ chức trong 02 ngày, từ ngày 10 đến ngày 11 tháng 7 năm 2025, tại Hội trường Trung tâm Hội nghị tỉnh.",
            ]),
            ("III. NỘI DUNG", [
                "1. Xem xét các báo cáo về tình hình kinh tế - xã hội 6 tháng đầu năm 2025.",
                "2. Xem xét, thông qua các nghị quyết chuyên đề và chất vấn, trả lời chất vấn.",
            ]),
        ],
    ),
    DemoDocument(
        slug="bao-cao-120-giam-sat-chuyen-doi-so", number="120/BC-HĐND", type_slug="bao-cao",
        issuer_slug="ban-phap-che", issued=date(2025, 7, 1),
        title="Báo cáo kết quả giám sát công tác chuyển đổi số",
        summary="Báo cáo kết quả giám sát việc thực hiện chuyển đổi số trong cơ quan nhà nước giai đoạn 2021-2025",
        fields=["chuyen-doi-so"],
        articles=[
            ("I. KẾT QUẢ ĐẠT ĐƯỢC", [
                "100% cơ quan nhà nước cấp tỉnh, cấp huyện sử dụng hệ thống quản lý văn bản và điều hành; 78,5% hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình.",
            ]),
            ("II. KIẾN NGHỊ", [
                "- Rà soát, nâng cấp hạ tầng mạng và bảo đảm an toàn thông tin cho các hệ thống dùng chung;",
                "- Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính;",
                "- Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã.",
            ]),
        ],
    ),
    DemoDocument(
        slug="to-trinh-85-dieu-chinh-dau-tu-cong", number="85/TTr-UBND", type_slug="to-trinh",
        issuer_slug="ubnd-tinh", issued=date(2025, 6, 20),
        title="Tờ trình dự thảo Nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn",
        summary="Đề nghị ban hành Nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021-2025 nguồn vốn ngân sách địa phương",
        fields=["dau-tu-cong"],
        articles=[
            ("I. SỰ CẦN THIẾT", [
                "Một số dự án không có khả năng giải ngân hết kế hoạch vốn được giao, trong khi các dự án trọng điểm cần bổ sung vốn để hoàn thành trong năm 2025.",
            ]),
            ("II. NỘI DUNG ĐỀ NGHỊ", [
                "Điều chỉnh giảm 350 tỷ đồng của 12 dự án và điều chỉnh tăng tương ứng cho 13 dự án.",
            ]),
        ],
    ),
    DemoDocument(
        slug="thong-bao-30-trieu-tap-ky-hop-thu-25", number="30/TB-HĐND", type_slug="thong-bao",
        issuer_slug="thuong-truc-hdnd", issued=date(2025, 6, 25), file_format="docx",
        title="Thông báo triệu tập Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X",
        summary="Triệu tập Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ 2021-2026",
        fields=["to-chuc-bo-may"],
        articles=[
            ("", [
                "Thường trực Hội đồng nhân dân tỉnh triệu tập Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X như sau:",
                "1. Thời gian: 02 ngày, khai mạc lúc 08 giờ 00 ngày 10 tháng 7 năm 2025.",
                "2. Địa điểm: Hội trường Trung tâm Hội nghị tỉnh.",
                "3. Thành phần: đại biểu Hội đồng nhân dân tỉnh khóa X và đại biểu khách mời.",
                "Đề nghị các đại biểu sắp xếp công việc, tham dự kỳ họp đầy đủ, đúng giờ.",
            ]),
        ],
    ),
    DemoDocument(
        slug="cong-van-210-gui-bao-cao-phuc-vu-ky-hop", number="210/HĐND-VP", type_slug="cong-van",
        issuer_slug="van-phong", issued=date(2025, 7, 2), file_format="docx",
        title="Công văn đề nghị gửi báo cáo phục vụ Kỳ họp thứ 25",
        summary="V/v đề nghị gửi báo cáo, tài liệu phục vụ Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X",
        fields=["to-chuc-bo-may"],
        articles=[
            ("", [
                "Để chuẩn bị cho Kỳ họp thứ 25, Văn phòng đề nghị các sở, ngành gửi báo cáo, tài liệu theo phân công trước ngày 05 tháng 7 năm 2025.",
                "Tài liệu gửi bằng văn bản điện tử qua hệ thống quản lý văn bản và điều hành.",
            ]),
        ],
    ),
    DemoDocument(
        slug="quyet-dinh-05-thanh-lap-to-thu-ky-ky-hop", number="05/QĐ-HĐND", type_slug="quyet-dinh",
        issuer_slug="thuong-truc-hdnd", issued=date(2025, 6, 30), effective=date(2025, 6, 30), file_format="scan",
        title="Quyết định thành lập Tổ Thư ký Kỳ họp thứ 25",
        summary="Về việc thành lập Tổ Thư ký Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X",
        fields=["to-chuc-bo-may"],
        articles=[],
    ),
]
