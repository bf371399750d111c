"""Demo consultation page with one open and one closed draft."""
from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from .models import ConsultationIndexPage, DraftPage


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": {"text": f"<p>{text}</p>", "skip_reading": False}, "id": str(uuid.uuid4())}


def _heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2", "skip_reading": False}, "id": str(uuid.uuid4())}


DRAFTS = [
    ("Dự thảo Nghị quyết quy định mức hỗ trợ học phí cho trẻ mầm non và học sinh phổ thông năm học 2026-2027",
     "du-thao-ho-tro-hoc-phi-2026-2027", "Ban Văn hóa - Xã hội HĐND tỉnh", -5, 20,
     "Dự thảo quy định đối tượng, mức hỗ trợ và cách thức chi trả học phí cho trẻ em mầm non, học sinh phổ thông trên địa bàn tỉnh.",
     [_heading("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"),
      _paragraph("Nghị quyết này quy định mức hỗ trợ học phí đối với trẻ em mầm non, học sinh phổ thông đang học tại các cơ sở giáo dục trên địa bàn tỉnh."),
      _heading("Điều 2. Mức hỗ trợ"),
      _paragraph("Hỗ trợ 100% học phí cho trẻ em mầm non và học sinh trung học cơ sở; 50% học phí cho học sinh trung học phổ thông."),
      _heading("Điều 3. Kinh phí thực hiện"),
      _paragraph("Kinh phí thực hiện từ nguồn ngân sách tỉnh, được bố trí trong dự toán chi sự nghiệp giáo dục hằng năm.")]),
    ("Dự thảo Nghị quyết về chính sách thu hút nguồn nhân lực chất lượng cao giai đoạn 2026-2030",
     "du-thao-thu-hut-nhan-luc-2026-2030", "Ban Pháp chế HĐND tỉnh", -60, -30,
     "Dự thảo quy định chính sách hỗ trợ một lần và hỗ trợ nhà ở cho người có trình độ cao về làm việc tại tỉnh.",
     [_heading("Điều 1. Đối tượng áp dụng"),
      _paragraph("Người có trình độ tiến sĩ, bác sĩ chuyên khoa cấp II, thạc sĩ tốt nghiệp loại giỏi về công tác tại cơ quan, đơn vị của tỉnh.")]),
]


def load_consultations_demo(home, committees: dict) -> ConsultationIndexPage:
    index = ConsultationIndexPage(
        title="Góp ý dự thảo", slug="gop-y-du-thao", show_in_menus=True,
        intro="<p>Hội đồng nhân dân tỉnh lấy ý kiến cử tri, người dân về các dự thảo nghị quyết trước kỳ họp.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    morning = timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
    for title, slug, committee, opened, closes, summary, body in DRAFTS:
        draft = DraftPage(title=title, slug=slug, summary=summary, body=body, committee=committees[committee],
                          opens_at=morning + timedelta(days=opened),
                          closes_at=(morning + timedelta(days=closes)).replace(hour=17))  # local times
        index.add_child(instance=draft)
        draft.save_revision().publish()
    return index
