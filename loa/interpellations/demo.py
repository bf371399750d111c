"""Demo: interpellations at sessions 25 and 27, with commitments whose follow-up was reported at session 27."""
from __future__ import annotations

from datetime import date

from django.utils.text import slugify

from loa.core.text import fold

from .models import Commitment, CommitmentStatus, InterpellationIndexPage, InterpellationPage

# (session, delegate, official, title, question, answer, start second, commitments)
# commitment: (text, due, status, follow-up session number or None, note)
ITEMS = [
    (25, "Bùi Văn Lộc", ("Nguyễn Văn Thành", "Giám đốc Sở Giao thông vận tải"),
     "Tiến độ nâng cấp đường tỉnh 826 và 830",
     "Cử tri nhiều địa phương phản ánh đường tỉnh 826 và 830 xuống cấp kéo dài. Đề nghị Giám đốc Sở cho biết "
     "nguyên nhân chậm nâng cấp và thời điểm hoàn thành?",
     "Giám đốc Sở thừa nhận việc chậm trễ do vướng giải phóng mặt bằng và nguồn vốn. Sở đã trình bổ sung vốn "
     "trung hạn; đường tỉnh 826 khởi công trong quý IV năm 2025, đường tỉnh 830 trong năm 2026.",
     5130,
     [("Khởi công nâng cấp đường tỉnh 826 trong quý IV năm 2025.", date(2025, 12, 31), CommitmentStatus.DONE, 27,
       "Đã khởi công ngày 20/11/2025; khối lượng đạt 15%."),
      ("Hoàn thành giải phóng mặt bằng đường tỉnh 830 trước ngày 30/11/2025.", date(2025, 11, 30),
       CommitmentStatus.PARTLY, 27, "Đã bàn giao 70% mặt bằng; còn 23 hộ chưa đồng ý phương án bồi thường.")]),
    (25, "Kiều Thị Lan Anh", ("Trần Thị Mai", "Giám đốc Sở Y tế"),
     "Tình trạng thiếu thuốc bảo hiểm y tế ở tuyến xã",
     "Vì sao nhiều trạm y tế xã vẫn thiếu thuốc điều trị bệnh mạn tính theo bảo hiểm y tế, và khi nào được khắc phục?",
     "Giám đốc Sở Y tế cho biết nguyên nhân là đấu thầu tập trung kéo dài; Sở đã cho phép điều chuyển thuốc giữa "
     "các cơ sở và cam kết hoàn thành đấu thầu năm 2026 trước tháng 10/2025.",
     6420,
     [("Hoàn thành đấu thầu tập trung thuốc năm 2026 trước ngày 31/10/2025.", date(2025, 10, 31),
       CommitmentStatus.DONE, 27, "Đã có kết quả lựa chọn nhà thầu ngày 24/10/2025.")]),
    (25, "Võ Thanh Tùng", ("Lê Quang Minh", "Giám đốc Sở Tài nguyên và Môi trường"),
     "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng",
     "Đề nghị Giám đốc Sở cho biết số hồ sơ cấp giấy chứng nhận quá hạn và giải pháp giải quyết dứt điểm?",
     "Toàn tỉnh còn 1.240 hồ sơ quá hạn, chủ yếu do tranh chấp ranh giới và thiếu nhân lực đo đạc. Sở cam kết "
     "giải quyết xong trước ngày 31/12/2025 và công khai tiến độ từng hồ sơ.",
     7810,
     [("Giải quyết xong các hồ sơ quá hạn trước ngày 31/12/2025.", date(2025, 12, 31), CommitmentStatus.NOT_DONE,
       27, "Còn 310 hồ sơ chưa giải quyết; Sở đề nghị lùi hạn đến quý II năm 2026.")]),
    (27, "Trịnh Thị Hồng Nhung", ("Phạm Văn Hòa", "Giám đốc Sở Giáo dục và Đào tạo"),
     "Thiếu phòng học và giáo viên tiểu học",
     "Năm học 2025-2026 nhiều trường tiểu học thiếu phòng học và giáo viên. Sở có giải pháp gì?",
     "Sở đã tham mưu tuyển 180 giáo viên tiểu học và đưa 64 phòng học vào kế hoạch đầu tư công năm 2026.",
     3300,
     [("Tuyển đủ 180 giáo viên tiểu học trước ngày 30/6/2026.", date(2026, 6, 30), CommitmentStatus.PENDING, None, ""),
      ("Khởi công 64 phòng học trong năm 2026.", date(2026, 12, 31), CommitmentStatus.PENDING, None, "")]),
    (27, "Lưu Thị Phương", ("Hồ Văn Sơn", "Giám đốc Công ty cổ phần Cấp nước tỉnh"),
     "Mở rộng mạng lưới nước sạch nông thôn",
     "Tỷ lệ hộ nông thôn dùng nước sạch còn thấp. Khi nào công ty kéo tuyến ống đến các xã chưa có nước?",
     "Công ty sẽ đầu tư 45 km tuyến ống trong năm 2026, ưu tiên các xã vùng nhiễm phèn.",
     4075,
     [("Hoàn thành 20 km tuyến ống đầu tiên trước ngày 30/9/2026.", date(2026, 9, 30), CommitmentStatus.PENDING,
       None, "")]),
]


def load_interpellations_demo(home) -> InterpellationIndexPage:
    from loa.council_sessions.models import SessionPage
    from loa.delegates.models import DelegatePage

    sessions = {s.number: s for s in SessionPage.objects.filter(term__number=10)}
    delegates = {d.title: d for d in DelegatePage.objects.all()}
    index = InterpellationIndexPage(
        title="Chất vấn", slug="chat-van", show_in_menus=True,
        intro="<p>Chất vấn của đại biểu tại các kỳ họp, trả lời của người bị chất vấn và việc thực hiện các cam kết.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    for order, (number, asker, (official, office), title, question, answer, second, commitments) in enumerate(ITEMS):
        session = sessions.get(number)
        if session is None:
            continue
        page = InterpellationPage(
            title=title, slug=slugify(fold(title))[:60], session=session, sort_order=order,
            delegate=delegates.get(asker), asker_name="" if asker in delegates else asker,
            official_name=official, official_title=office, question=question, answer_summary=answer,
            video_url=session.livestream_url, video_start=second if session.livestream_url else None,
        )
        page.commitments = [Commitment(text=text, due_date=due, status=status, follow_up_session=sessions.get(later),
                                       follow_up_note=note) for text, due, status, later, note in commitments]
        index.add_child(instance=page)
        page.save_revision().publish()
    return index
