"""Demo lĩnh vực, the Q&A page and two answered questions (published through the real moderation)."""
from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from loa.participation.references import save_with_reference

from . import moderation
from .models import Question, QuestionIndexPage, Topic
from .views import REFERENCE_PREFIX

TOPICS = ["Đất đai", "Giao thông", "Y tế", "Giáo dục", "Môi trường", "Chính sách xã hội", "Khác"]
QUESTIONS = [
    ("Đất đai", "Ban Kinh tế - Ngân sách HĐND tỉnh", "Thời hạn cấp giấy chứng nhận quyền sử dụng đất lần đầu",
     "Gia đình tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu đã hơn hai tháng nhưng chưa nhận được kết quả. "
     "Xin hỏi thời hạn giải quyết theo quy định là bao lâu và tôi cần liên hệ ở đâu?",
     "<p>Theo quy định hiện hành, thời hạn cấp giấy chứng nhận lần đầu không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; "
     "thời gian này không tính ngày nghỉ, ngày lễ và thời gian xem xét xử lý vi phạm.</p>"
     "<p>Ông (bà) có thể liên hệ bộ phận một cửa nơi nộp hồ sơ để được thông báo tiến độ, hoặc phản ánh qua đường dây nóng của Sở Tài nguyên và Môi trường.</p>"),
    ("Y tế", "Ban Văn hóa - Xã hội HĐND tỉnh", "Chính sách hỗ trợ bảo hiểm y tế cho người cao tuổi",
     "Tỉnh có chính sách hỗ trợ tiền mua thẻ bảo hiểm y tế cho người từ 70 tuổi trở lên chưa có lương hưu không?",
     "<p>Năm 2025, Hội đồng nhân dân tỉnh đã ban hành nghị quyết hỗ trợ 100% mức đóng bảo hiểm y tế cho người từ 70 tuổi trở lên "
     "chưa được hưởng lương hưu, trợ cấp bảo hiểm xã hội hằng tháng.</p><p>Ủy ban nhân dân cấp xã lập danh sách và đề nghị cấp thẻ; "
     "người dân không phải làm thủ tục.</p>"),
]


def load_questions_demo(home, committees: dict) -> QuestionIndexPage:
    topics = {name: Topic.objects.get_or_create(name=name, defaults={"slug": slugify(name.replace("đ", "d").replace("Đ", "D")),
                                                                       "sort_order": i})[0]
              for i, name in enumerate(TOPICS)}
    index = QuestionIndexPage(
        title="Hỏi đáp", slug="hoi-dap", show_in_menus=True,
        intro="<p>Câu hỏi của cử tri, người dân gửi Hội đồng nhân dân tỉnh và câu trả lời của các ban, Văn phòng.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    now = timezone.now()
    for days_ago, (topic, committee, title, content, answer) in zip((20, 6), QUESTIONS, strict=True):
        question = Question(name="Cử tri (dữ liệu mẫu)", title=title, content=content, topic=topics[topic],
                            consent_at=now - timedelta(days=days_ago))
        save_with_reference(question, REFERENCE_PREFIX)
        Question.objects.filter(pk=question.pk).update(created_at=now - timedelta(days=days_ago))
        question.refresh_from_db()
        question.committee = committees[committee]
        moderation.apply(question, "assign")
        question.answer = answer
        moderation.apply(question, "answer")
        moderation.apply(question, "publish")
    return index
