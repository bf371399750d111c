"""The demo giới thiệu pages: Giới thiệu (in the menu) with chức năng nhiệm vụ, cơ cấu tổ chức, lãnh đạo, liên hệ."""
from __future__ import annotations

from wagtail.models import Page
from wagtail.search import index as search_index

from loa.pages.demo.convert import text_to_blocks

from .models import InfoPage

INDEX_SLUG = "gioi-thieu"

PAGES = [
    ("chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ",
     "Hội đồng nhân dân tỉnh là cơ quan quyền lực nhà nước ở địa phương, đại diện cho ý chí, nguyện vọng và quyền làm chủ của Nhân dân.",
     """NHIỆM VỤ, QUYỀN HẠN

Theo Luật Tổ chức chính quyền địa phương, Hội đồng nhân dân tỉnh có các nhiệm vụ, quyền hạn chủ yếu sau:

- Ban hành nghị quyết về những vấn đề thuộc nhiệm vụ, quyền hạn của Hội đồng nhân dân tỉnh;
- Quyết định dự toán thu ngân sách nhà nước trên địa bàn, dự toán thu, chi ngân sách địa phương và phân bổ dự toán ngân sách cấp tỉnh;
- Quyết định kế hoạch đầu tư công trung hạn và hằng năm của tỉnh;
- Giám sát việc tuân theo Hiến pháp, pháp luật và việc thực hiện nghị quyết của Hội đồng nhân dân tỉnh;
- Bầu, miễn nhiệm, bãi nhiệm Chủ tịch, Phó Chủ tịch Hội đồng nhân dân tỉnh, Trưởng ban, Phó Trưởng ban của Hội đồng nhân dân tỉnh.

Hội đồng nhân dân tỉnh chịu trách nhiệm trước Nhân dân địa phương và trước cơ quan nhà nước cấp trên."""),
    ("co-cau-to-chuc", "Cơ cấu tổ chức",
     "Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ 2021-2026 có Thường trực Hội đồng nhân dân, bốn Ban và các Tổ đại biểu.",
     """THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH

Gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên là Trưởng ban của Hội đồng nhân dân tỉnh.

CÁC BAN CỦA HỘI ĐỒNG NHÂN DÂN TỈNH

- Ban Pháp chế;
- Ban Kinh tế - Ngân sách;
- Ban Văn hóa - Xã hội;
- Ban Dân tộc.

CÁC TỔ ĐẠI BIỂU

Đại biểu Hội đồng nhân dân tỉnh được bầu ở một hoặc nhiều đơn vị bầu cử hợp thành Tổ đại biểu; Tổ đại biểu tổ chức tiếp xúc cử tri trước và sau mỗi kỳ họp.

Giúp việc cho Hội đồng nhân dân tỉnh là Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh."""),
    ("lanh-dao", "Lãnh đạo Hội đồng nhân dân tỉnh",
     "Thường trực Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ 2021-2026.",
     """- Chủ tịch Hội đồng nhân dân tỉnh: ông Trần Quốc Hưng;
- Phó Chủ tịch Hội đồng nhân dân tỉnh: bà Lê Thị Minh Hà;
- Ủy viên Thường trực Hội đồng nhân dân tỉnh: ông Nguyễn Hoàng Phúc;
- Trưởng Ban Pháp chế: ông Võ Thanh Tùng;
- Trưởng Ban Kinh tế - Ngân sách: ông Bùi Văn Lộc;
- Trưởng Ban Văn hóa - Xã hội: bà Kiều Thị Lan Anh.

Thông tin từng đại biểu xem tại mục Đại biểu."""),
    ("lien-he", "Liên hệ",
     "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh tiếp nhận ý kiến, kiến nghị của cử tri và liên hệ công tác.",
     """ĐỊA CHỈ

Số 1, đường Trung tâm, phường 1, thành phố Tỉnh Lỵ.

ĐIỆN THOẠI VÀ THƯ ĐIỆN TỬ

- Điện thoại: 0272 3 000 000;
- Thư điện tử: vanphong@hdnd.example.vn.

TIẾP CÔNG DÂN

Thường trực Hội đồng nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở tiếp công dân của tỉnh."""),
]


def load_info_pages(home: Page) -> InfoPage:
    existing = InfoPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    about = InfoPage(
        title="Giới thiệu", slug=INDEX_SLUG, show_in_menus=True,
        summary="Giới thiệu Hội đồng nhân dân tỉnh: chức năng, nhiệm vụ, cơ cấu tổ chức, lãnh đạo và thông tin liên hệ.",
        body=text_to_blocks("Cổng thông tin điện tử Hội đồng nhân dân tỉnh cung cấp thông tin về hoạt động của "
                            "Hội đồng nhân dân, các kỳ họp, văn bản và đại biểu Hội đồng nhân dân tỉnh."),
    )
    home.add_child(instance=about)
    about.save_revision().publish()
    for slug, title, summary, text in PAGES:
        page = InfoPage(title=title, slug=slug, summary=summary, body=text_to_blocks(text), show_in_menus=True)
        about.add_child(instance=page)
        page.save_revision().publish()
    for page in InfoPage.objects.all():
        search_index.insert_or_update_object(page)
    return about
