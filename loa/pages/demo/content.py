"""Demo content: categories, the seed report and a handful of short news items.

Bodies use the seed article's plain-text conventions (see convert.py): all-caps
lines are headings, "-", "*", "+" lines are list items.  Names of people are
deliberately left out; the articles describe plausible, generic activities.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

DEMO_DIR = Path(__file__).resolve().parent
IMAGES_DIR = DEMO_DIR / "images"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

SITE_NAME = "Hội đồng nhân dân tỉnh"
BANNER = ("banner.png", "Banner Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh – Cổng thông tin điện tử")
FOOTER_HTML = (
    "<p><b>Cơ quan chủ quản:</b> Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh.</p>"
    "<p><b>Địa chỉ:</b> Số 1, đường Trung tâm, phường 1, thành phố tỉnh lỵ. "
    "<b>Điện thoại:</b> 0272 3 000 000. <b>Thư điện tử:</b> vanphong@hdnd.example.vn</p>"
    "<p>Ghi rõ nguồn “Cổng thông tin điện tử Hội đồng nhân dân tỉnh” khi phát hành lại thông tin từ trang này.</p>"
)


@dataclass
class Category:
    slug: str
    title: str
    intro: str


CATEGORIES = [
    Category("hoat-dong-hdnd", "Hoạt động HĐND", "<p>Kỳ họp, giám sát, tiếp xúc cử tri và các hoạt động của Hội đồng nhân dân tỉnh.</p>"),
    Category("tin-tuc-su-kien", "Tin tức – Sự kiện", "<p>Tin tức, sự kiện chính trị – xã hội nổi bật của tỉnh.</p>"),
    Category("cong-tac-dang", "Công tác Đảng", "<p>Hoạt động của Đảng bộ cơ sở Hội đồng nhân dân tỉnh.</p>"),
]


@dataclass
class DemoArticle:
    slug: str
    title: str
    category: str
    date: datetime
    summary: str
    body_text: str
    author: str = ""
    source: str = "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
    tags: list[str] = field(default_factory=list)
    cover: tuple[str, str, str] | None = None  # (file, image title, alt text)
    quote: tuple[str, str] | None = None  # (text, attribution), appended after the body


def local(year: int, month: int, day: int, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


SEED_TITLE = (
    "Báo cáo chính trị Đại hội Đảng bộ cơ sở Hội đồng nhân dân tỉnh lần thứ I, nhiệm kỳ 2025-2030"
)

SEED_ARTICLE = DemoArticle(
    slug="bao-cao-chinh-tri-dai-hoi-dang-bo-co-so-hdnd-tinh-lan-thu-i",
    title=SEED_TITLE,
    category="cong-tac-dang",
    date=local(2025, 6, 20, 7, 30),
    summary=(
        "Báo cáo chính trị trình Đại hội Đảng bộ cơ sở Hội đồng nhân dân tỉnh lần thứ I đánh giá kết quả "
        "thực hiện nhiệm kỳ 2020-2025 và đề ra phương hướng, nhiệm vụ nhiệm kỳ 2025-2030 với khẩu hiệu hành động "
        "“Đoàn kết - Năng động - Phát triển”."
    ),
    body_text=(DEMO_DIR / "seed-article.txt").read_text(encoding="utf-8"),
    author="Ban Chấp hành Đảng bộ cơ sở HĐND tỉnh",
    source="Đảng ủy Hội đồng nhân dân tỉnh",
    tags=["Đại hội Đảng", "Báo cáo chính trị", "Nhiệm kỳ 2025-2030"],
    cover=("cover-daihoi.png", "Đại hội Đảng bộ cơ sở nhiệm kỳ 2025-2030",
           "Ảnh minh họa: ngôi sao vàng trên nền đỏ, dòng chữ Đại hội Đảng bộ cơ sở nhiệm kỳ 2025-2030"),
)

NEWS = [
    DemoArticle(
        slug="ky-hop-thu-25-hdnd-tinh-thong-qua-18-nghi-quyet",
        title="Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X thông qua 18 nghị quyết",
        category="hoat-dong-hdnd",
        date=local(2025, 7, 11, 16, 45),
        summary=(
            "Sau hai ngày làm việc khẩn trương, nghiêm túc, Kỳ họp thứ 25 Hội đồng nhân dân tỉnh khóa X "
            "đã hoàn thành toàn bộ nội dung chương trình và biểu quyết thông qua 18 nghị quyết."
        ),
        body_text="""Chiều ngày 11/7/2025, Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ 2021-2026 tổ chức phiên bế mạc Kỳ họp thứ 25. Kỳ họp tiếp tục được tổ chức theo hình thức không giấy, đại biểu biểu quyết trên máy tính bảng.

CÁC NGHỊ QUYẾT ĐƯỢC THÔNG QUA

Tại kỳ họp, đại biểu đã thảo luận, biểu quyết thông qua 18 nghị quyết, trong đó có các nhóm nội dung chính:

- Nghị quyết về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm và nhiệm vụ, giải pháp 6 tháng cuối năm 2025;
- Các nghị quyết về đầu tư công, điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021-2025;
- Các nghị quyết quy định chính sách hỗ trợ trong lĩnh vực giáo dục, y tế và an sinh xã hội.

HOẠT ĐỘNG CHẤT VẤN

Tại phiên chất vấn, 09 đại biểu đã đặt câu hỏi với người đứng đầu các sở, ngành về công tác quản lý đất đai, tiến độ giải ngân vốn đầu tư công và giải quyết kiến nghị của cử tri. Các câu trả lời đi thẳng vào vấn đề, nêu rõ giải pháp và thời hạn thực hiện.

Phát biểu bế mạc, Chủ tịch Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh khẩn trương triển khai các nghị quyết vừa được thông qua, sớm đưa nghị quyết vào cuộc sống.""",
        author="Phòng Công tác HĐND",
        tags=["Kỳ họp", "Nghị quyết", "Chất vấn"],
        cover=("cover-kyhop.png", "Kỳ họp Hội đồng nhân dân tỉnh",
               "Ảnh minh họa: nền đỏ với dòng chữ Kỳ họp Hội đồng nhân dân tỉnh"),
        quote=("Mỗi nghị quyết được thông qua phải thực sự đi vào cuộc sống, mang lại lợi ích thiết thực cho Nhân dân.",
               "Phát biểu bế mạc kỳ họp của Chủ tịch HĐND tỉnh"),
    ),
    DemoArticle(
        slug="dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-truoc-ky-hop",
        title="Đại biểu Hội đồng nhân dân tỉnh tiếp xúc cử tri trước kỳ họp cuối năm",
        category="hoat-dong-hdnd",
        date=local(2025, 7, 4, 10, 15),
        summary=(
            "Các Tổ đại biểu Hội đồng nhân dân tỉnh đã tổ chức 42 điểm tiếp xúc cử tri tại các huyện, thị xã, "
            "thành phố, ghi nhận 386 lượt ý kiến, kiến nghị."
        ),
        body_text="""Thực hiện kế hoạch của Thường trực Hội đồng nhân dân tỉnh, từ ngày 01 đến ngày 04/7/2025, các Tổ đại biểu Hội đồng nhân dân tỉnh đã tiếp xúc cử tri tại đơn vị bầu cử để báo cáo dự kiến nội dung kỳ họp.

Tại các buổi tiếp xúc, cử tri quan tâm nhiều đến các vấn đề:

- Tiến độ bồi thường, hỗ trợ, tái định cư các dự án giao thông trọng điểm;
- Chất lượng nước sinh hoạt nông thôn trong mùa khô;
- Thủ tục hành chính trên môi trường điện tử và hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến.

Các ý kiến, kiến nghị thuộc thẩm quyền đã được lãnh đạo địa phương trả lời trực tiếp tại buổi tiếp xúc; các ý kiến còn lại được tổng hợp, chuyển đến cơ quan có thẩm quyền xem xét, giải quyết và báo cáo tại kỳ họp.""",
        author="Tổ Thư ký kỳ họp",
        tags=["Tiếp xúc cử tri", "Kiến nghị cử tri"],
        cover=("cover-tiepxuc.png", "Tiếp xúc cử tri",
               "Ảnh minh họa: nền xanh với dòng chữ Tiếp xúc cử tri"),
    ),
    DemoArticle(
        slug="doan-giam-sat-lam-viec-ve-chuyen-doi-so",
        title="Đoàn giám sát của Hội đồng nhân dân tỉnh làm việc về công tác chuyển đổi số",
        category="tin-tuc-su-kien",
        date=local(2025, 6, 27, 14, 0),
        summary=(
            "Đoàn giám sát của Ban Pháp chế Hội đồng nhân dân tỉnh làm việc với Sở Khoa học và Công nghệ "
            "về kết quả thực hiện chuyển đổi số trong cơ quan nhà nước giai đoạn 2021-2025."
        ),
        body_text="""Theo báo cáo, đến nay 100% cơ quan nhà nước cấp tỉnh, cấp huyện sử dụng hệ thống quản lý văn bản và điều hành; tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt 78,5%.

KIẾN NGHỊ CỦA ĐOÀN GIÁM SÁT

Đoàn giám sát ghi nhận những kết quả đạt được, đồng thời đề nghị:

- Rà soát, nâng cấp hạ tầng mạng và bảo đảm an toàn thông tin cho các hệ thống dùng chung;
- Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính;
- Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã.

Kết quả giám sát sẽ được tổng hợp, báo cáo Thường trực Hội đồng nhân dân tỉnh tại phiên họp thường kỳ tháng 7/2025.""",
        author="Ban Pháp chế HĐND tỉnh",
        tags=["Giám sát", "Chuyển đổi số"],
        cover=("cover-giamsat.png", "Hoạt động giám sát",
               "Ảnh minh họa: nền xanh lá với dòng chữ Hoạt động giám sát"),
    ),
    DemoArticle(
        slug="ban-tron-chinh-sach-ve-nong-thon-moi",
        title="Chương trình “Bàn tròn chính sách” bàn giải pháp xây dựng nông thôn mới nâng cao",
        category="tin-tuc-su-kien",
        date=local(2025, 6, 24, 20, 0),
        summary=(
            "Chương trình “Bàn tròn chính sách” kỳ này được phát sóng trực tiếp, trao đổi về giải pháp "
            "nâng cao thu nhập cho người dân khu vực nông thôn."
        ),
        body_text="""Chương trình do Thường trực Hội đồng nhân dân tỉnh phối hợp với Đài Phát thanh và Truyền hình tỉnh thực hiện, phát sóng trực tiếp trên sóng truyền hình và các nền tảng số của Hội đồng nhân dân tỉnh.

Các khách mời là đại diện lãnh đạo sở, ngành, chuyên gia nông nghiệp và nông dân tiêu biểu đã trao đổi về:

* Phát triển vùng nguyên liệu gắn với liên kết tiêu thụ sản phẩm;
* Chương trình mỗi xã một sản phẩm (OCOP) và thương mại điện tử;
* Cơ chế hỗ trợ tín dụng cho hợp tác xã, tổ hợp tác.

Trong thời gian phát sóng, chương trình nhận được 125 câu hỏi, ý kiến của khán giả qua đường dây nóng và mạng xã hội.""",
        author="Phòng Thông tin – Dân nguyện",
        tags=["Bàn tròn chính sách", "Nông thôn mới"],
    ),
    DemoArticle(
        slug="phien-giai-trinh-ve-giai-quyet-kien-nghi-cu-tri",
        title="Thường trực Hội đồng nhân dân tỉnh tổ chức phiên giải trình về giải quyết kiến nghị của cử tri",
        category="hoat-dong-hdnd",
        date=local(2025, 6, 18, 9, 0),
        summary=(
            "Phiên giải trình tập trung làm rõ nguyên nhân chậm giải quyết một số kiến nghị của cử tri "
            "liên quan đến đất đai và môi trường."
        ),
        body_text="""Sáng ngày 18/6/2025, Thường trực Hội đồng nhân dân tỉnh tổ chức phiên giải trình về kết quả giải quyết ý kiến, kiến nghị của cử tri gửi đến các kỳ họp năm 2024.

Báo cáo tại phiên giải trình cho thấy, trong tổng số 412 ý kiến, kiến nghị, đã có 371 ý kiến được giải quyết xong, đạt tỷ lệ 90%; 41 ý kiến đang được tiếp tục xem xét, giải quyết.

Kết luận phiên giải trình, Thường trực Hội đồng nhân dân tỉnh yêu cầu các cơ quan liên quan:

- Xây dựng lộ trình cụ thể đối với từng kiến nghị còn tồn đọng;
- Công khai kết quả giải quyết trên Cổng thông tin điện tử để cử tri theo dõi;
+ Định kỳ hằng quý báo cáo tiến độ về Thường trực Hội đồng nhân dân tỉnh.""",
        author="Phòng Công tác HĐND",
        tags=["Giải trình", "Kiến nghị cử tri"],
    ),
    DemoArticle(
        slug="hoi-nghi-hoc-tap-quan-triet-nghi-quyet",
        title="Đảng ủy Hội đồng nhân dân tỉnh tổ chức hội nghị học tập, quán triệt nghị quyết của Đảng",
        category="cong-tac-dang",
        date=local(2025, 6, 10, 8, 0),
        summary=(
            "Hội nghị nhằm giúp cán bộ, đảng viên nắm vững nội dung cơ bản của các nghị quyết, "
            "từ đó cụ thể hóa thành chương trình hành động tại cơ quan, đơn vị."
        ),
        body_text="""Tham dự hội nghị có toàn thể cán bộ, đảng viên và quần chúng thuộc Đảng bộ cơ sở Hội đồng nhân dân tỉnh.

Tại hội nghị, các báo cáo viên đã truyền đạt những nội dung cơ bản, cốt lõi của các nghị quyết, kết luận của Trung ương và của Tỉnh ủy.

Sau hội nghị, mỗi cán bộ, đảng viên viết bài thu hoạch, xây dựng kế hoạch cá nhân thực hiện nghị quyết gắn với nhiệm vụ được giao.""",
        author="Văn phòng Đảng ủy",
        source="Đảng ủy Hội đồng nhân dân tỉnh",
        tags=["Học tập nghị quyết", "Xây dựng Đảng"],
        quote=("Học tập nghị quyết phải gắn với hành động cụ thể, đo lường được bằng kết quả công việc.",
               "Kết luận hội nghị"),
    ),
]

# (file, title, alt text, target URL, slot key, order)
ADS = [
    ("ad-dichvucong.png", "Cổng Dịch vụ công quốc gia", "Cổng Dịch vụ công quốc gia – dichvucong.gov.vn",
     "https://dichvucong.gov.vn/", "sidebar", 1),
    ("ad-vanban.png", "Cơ sở dữ liệu văn bản pháp luật", "Tra cứu văn bản pháp luật – vbpl.vn",
     "https://vbpl.vn/", "sidebar", 2),
    # The portal's own góp ý dự thảo page (loa.consultations' demo), under WAGTAILADMIN_BASE_URL.
    ("ad-gopy.png", "Góp ý dự thảo nghị quyết", "Góp ý dự thảo nghị quyết của Hội đồng nhân dân tỉnh",
     "/gop-y-du-thao/", "sidebar", 3),
    ("ad-quochoi.png", "Cổng thông tin điện tử Quốc hội", "Cổng thông tin điện tử Quốc hội – quochoi.vn",
     "https://quochoi.vn/", "below-article", 1),
    ("ad-chinhphu.png", "Cổng thông tin điện tử Chính phủ", "Cổng thông tin điện tử Chính phủ – chinhphu.vn",
     "https://chinhphu.vn/", "footer", 1),
]

SLOTS = [
    ("sidebar", "Cột bên", "Cột bên phải, dưới hộp thống kê truy cập."),
    ("below-article", "Dưới tin bài", "Ngay dưới nội dung tin bài."),
    ("footer", "Chân trang", "Phía trên chân trang, mọi trang."),
]
