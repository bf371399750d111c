"""Questions to the council as sent and moderated (private), and the lĩnh vực they are filed under.

A `Question` holds what the citizen sent, their contact details and the moderation state; it
is never shown as such. Publishing copies it into a `QuestionPage` (loa/questions/pages.py).
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.fields import RichTextField

from loa.participation.models import SortedByName
from loa.participation.submissions import CitizenSubmission

ANSWER_FEATURES = ["bold", "italic", "link"]  # what loa.core.sanitize keeps


class Topic(SortedByName):
    """A lĩnh vực questions are filed under (đất đai, y tế, giáo dục…)."""

    name = models.CharField("Tên lĩnh vực", max_length=100, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=100, unique=True, help_text="Dùng trong bộ lọc: ?linh-vuc=dat-dai")

    class Meta(SortedByName.Meta):
        verbose_name = "Lĩnh vực"
        verbose_name_plural = "Lĩnh vực hỏi đáp"


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", "Mới tiếp nhận"
    ASSIGNED = "assigned", "Đã chuyển ban"
    ANSWERED = "answered", "Đã có trả lời"
    PUBLISHED = "published", "Đã công bố"
    REJECTED = "rejected", "Không tiếp nhận"


CLOSED_STATUSES = (QuestionStatus.PUBLISHED, QuestionStatus.REJECTED)


class Question(CitizenSubmission):
    closed_field = "closed_at"  # set when published or rejected, cleared when withdrawn or reopened
    # What was sent, as sent.
    title = models.CharField("Tiêu đề", max_length=200, editable=False)
    content = models.TextField("Nội dung", max_length=5000, editable=False)
    topic = models.ForeignKey(Topic, verbose_name="Lĩnh vực", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="questions")
    # Moderation.
    status = models.CharField("Trạng thái", max_length=20, choices=QuestionStatus.choices,
                              default=QuestionStatus.RECEIVED, editable=False, db_index=True)
    committee = models.ForeignKey("participation.Committee", verbose_name="Ban được giao", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="questions")
    assigned_at = models.DateTimeField("Ngày chuyển ban", null=True, blank=True, editable=False)
    public_title = models.CharField(
        "Tiêu đề công bố", max_length=200, blank=True,
        help_text="Để trống: dùng tiêu đề người dân gửi. Sửa để bỏ thông tin cá nhân hoặc lỗi chính tả trước khi công bố.",
    )
    public_content = models.TextField(
        "Nội dung câu hỏi công bố", max_length=5000, blank=True,
        help_text="Để trống: dùng nguyên văn. Hãy bỏ tên, số điện thoại, địa chỉ… nếu người dân viết trong nội dung.",
    )
    answer = RichTextField("Nội dung trả lời", features=ANSWER_FEATURES, blank=True)
    answered_at = models.DateTimeField("Ngày trả lời", null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người nhập trả lời", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+", editable=False)
    published_at = models.DateTimeField("Ngày công bố", null=True, blank=True, editable=False)
    rejection_reason = models.TextField(
        "Lý do không tiếp nhận", blank=True, max_length=2000,
        help_text="Bắt buộc khi không tiếp nhận; được gửi cho người dân nếu họ để lại thư điện tử.",
    )
    closed_at = models.DateTimeField("Ngày đóng", null=True, blank=True, editable=False, db_index=True)
    page = models.ForeignKey("questions.QuestionPage", verbose_name="Trang công bố", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+", editable=False)

    class Meta(CitizenSubmission.Meta):
        verbose_name = "Câu hỏi"
        verbose_name_plural = "Câu hỏi của người dân"

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def summary(self) -> list[tuple[str, str]]:
        return [("Tiêu đề", self.title), ("Nội dung", self.content), ("Lĩnh vực", str(self.topic or "")),
                ("Tình trạng", self.get_status_display())]

    def forget(self) -> None:
        page = self.page
        super().forget()
        if page is not None:  # the published question and answer go with it
            page.delete()

    @property
    def published_title(self) -> str:
        return self.public_title or self.title

    @property
    def published_content(self) -> str:
        return self.public_content or self.content
