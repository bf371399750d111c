"""Demo sessions: the ones the demo news mentions (kỳ họp thứ 25, the year-end session, the 2024 sessions)
and one of khóa IX, with agendas, documents and news."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

PLACE = "Hội trường Trung tâm Hội nghị tỉnh"
LIVESTREAM = "https://truyenhinh.example.vn/truc-tiep/ky-hop-hdnd"


@dataclass
class DemoSession:
    slug: str
    title: str
    term: int
    number: int
    kind: str
    start: date
    end: date
    summary: str
    agenda: list[tuple[date, time, str, str]] = field(default_factory=list)  # (day, time, item, presenter name)
    materials: list[str] = field(default_factory=list)  # document slugs
    resolutions: list[str] = field(default_factory=list)
    news: list[str] = field(default_factory=list)  # article slugs
    livestream: bool = False


def _day(day: date, *items: tuple[time, str, str]) -> list[tuple[date, time, str, str]]:
    return [(day, at, title, who) for at, title, who in items]


SESSIONS = [
    DemoSession(
        slug="ky-hop-thu-25-khoa-x", title="Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X", term=10, number=25,
        kind="thuong-le", start=date(2025, 7, 10), end=date(2025, 7, 11), livestream=True,
        summary="Kỳ họp thường lệ giữa năm 2025: xem xét tình hình kinh tế - xã hội 6 tháng đầu năm, chất vấn "
                "và thông qua 18 nghị quyết. Kỳ họp tổ chức theo hình thức không giấy.",
        agenda=_day(date(2025, 7, 10),
                    (time(8, 0), "Khai mạc kỳ họp", "Trần Quốc Hưng"),
                    (time(8, 30), "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2025", "Ủy ban nhân dân tỉnh"),
                    (time(9, 30), "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách", "Bùi Văn Lộc"),
                    (time(10, 15), "Báo cáo kết quả giám sát chuyển đổi số", "Võ Thanh Tùng"),
                    (time(14, 0), "Thảo luận tại tổ", "Các Tổ đại biểu"))
        + _day(date(2025, 7, 11),
               (time(8, 0), "Phiên chất vấn và trả lời chất vấn", "Lê Thị Minh Hà"),
               (time(14, 0), "Biểu quyết thông qua các nghị quyết", "Trần Quốc Hưng"),
               (time(16, 0), "Bế mạc kỳ họp", "Trần Quốc Hưng")),
        materials=["ke-hoach-45-to-chuc-ky-hop-thu-25", "thong-bao-30-trieu-tap-ky-hop-thu-25",
                   "to-trinh-85-dieu-chinh-dau-tu-cong", "bao-cao-120-giam-sat-chuyen-doi-so",
                   "cong-van-210-gui-bao-cao-phuc-vu-ky-hop", "quyet-dinh-05-thanh-lap-to-thu-ky-ky-hop"],
        resolutions=["nghi-quyet-15-2025-kinh-te-xa-hoi-6-thang", "nghi-quyet-16-2025-dieu-chinh-dau-tu-cong-trung-han",
                     "nghi-quyet-17-2025-sua-doi-nghi-quyet-12-2024", "nghi-quyet-18-2025-ho-tro-dich-vu-cong-truc-tuyen"],
        news=["ky-hop-thu-25-hdnd-tinh-thong-qua-18-nghi-quyet", "dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-truoc-ky-hop"],
    ),
    DemoSession(
        slug="ky-hop-thu-27-khoa-x", title="Kỳ họp thứ 27 (kỳ họp cuối năm 2025) Hội đồng nhân dân tỉnh khóa X",
        term=10, number=27, kind="thuong-le", start=date(2025, 12, 9), end=date(2025, 12, 11), livestream=True,
        summary="Kỳ họp thường lệ cuối năm 2025: đánh giá kết quả năm 2025, quyết định dự toán ngân sách và kế hoạch "
                "đầu tư công năm 2026. Cử tri đã được báo cáo dự kiến nội dung kỳ họp tại các buổi tiếp xúc.",
        agenda=_day(date(2025, 12, 9),
                    (time(8, 0), "Khai mạc kỳ họp", "Trần Quốc Hưng"),
                    (time(9, 0), "Báo cáo kết quả thực hiện nhiệm vụ năm 2025 và kế hoạch năm 2026", "Ủy ban nhân dân tỉnh")),
        news=["dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-truoc-ky-hop"],
    ),
    DemoSession(
        slug="ky-hop-thu-21-khoa-x", title="Kỳ họp thứ 21 Hội đồng nhân dân tỉnh khóa X", term=10, number=21,
        kind="thuong-le", start=date(2024, 12, 9), end=date(2024, 12, 10),
        summary="Kỳ họp thường lệ cuối năm 2024: quyết định dự toán ngân sách, kế hoạch đầu tư công năm 2025 "
                "và chính sách hỗ trợ học phí.",
        agenda=_day(date(2024, 12, 9),
                    (time(8, 0), "Khai mạc kỳ họp", "Trần Quốc Hưng"),
                    (time(9, 0), "Báo cáo thẩm tra dự toán ngân sách năm 2025", "Bùi Văn Lộc"))
        + _day(date(2024, 12, 10), (time(14, 0), "Biểu quyết các nghị quyết và bế mạc", "Trần Quốc Hưng")),
        resolutions=["nghi-quyet-25-2024-du-toan-ngan-sach-2025", "nghi-quyet-26-2024-ke-hoach-dau-tu-cong-2025",
                     "nghi-quyet-27-2024-ho-tro-hoc-phi"],
        news=["phien-giai-trinh-ve-giai-quyet-kien-nghi-cu-tri"],
    ),
    DemoSession(
        slug="ky-hop-thu-18-khoa-x", title="Kỳ họp thứ 18 Hội đồng nhân dân tỉnh khóa X", term=10, number=18,
        kind="thuong-le", start=date(2024, 7, 11), end=date(2024, 7, 12),
        summary="Kỳ họp thường lệ giữa năm 2024, thông qua chính sách hỗ trợ đóng bảo hiểm y tế.",
        agenda=_day(date(2024, 7, 11), (time(8, 0), "Khai mạc kỳ họp", "Trần Quốc Hưng"))
        + _day(date(2024, 7, 12), (time(15, 0), "Bế mạc kỳ họp", "Trần Quốc Hưng")),
        resolutions=["nghi-quyet-12-2024-ho-tro-bao-hiem-y-te"],
    ),
    DemoSession(
        slug="ky-hop-thu-17-khoa-ix", title="Kỳ họp thứ 17 Hội đồng nhân dân tỉnh khóa IX", term=9, number=17,
        kind="thuong-le", start=date(2020, 12, 8), end=date(2020, 12, 9),
        summary="Kỳ họp cuối năm 2020 của Hội đồng nhân dân tỉnh khóa IX.",
        agenda=_day(date(2020, 12, 8), (time(8, 0), "Khai mạc kỳ họp", "Phạm Đình Toàn")),
        resolutions=["nghi-quyet-08-2020-dinh-muc-chi-thuong-xuyen"],
    ),
]
