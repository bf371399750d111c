"""Questions to the council (private until published) and the pages that publish them.

A `Question` holds what the citizen sent, their contact details and the moderation state; it
is never shown as such. Publishing copies the question (as edited by the office) and its
answer into a `QuestionPage`, which holds no personal data, is read aloud and is what the
public list, search, RSS and the API see.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from loa.pages.text import fold

ANSWER_FEATURES = ["bold", "italic", "link"]  # what loa.pages.sanitize keeps
QUESTIONS_PER_PAGE = 10


def paragraphs_html(text: str) -> SafeString:
    """Plain text as escaped <p> paragraphs (blank lines separate them, single newlines become <br>)."""
    parts = [part.strip() for part in (text or "").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((SafeString(escape(part).replace("\n", "<br>")),) for part in parts))


class Topic(models.Model):
    """A lĩnh vực questions are filed under (đất đai, y tế, giáo dục…)."""

    name = models.CharField("Tên lĩnh vực", max_length=100, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=100, unique=True, help_text="Dùng trong bộ lọc: ?linh-vuc=dat-dai")
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Lĩnh vực"
        verbose_name_plural = "Lĩnh vực hỏi đáp"

    def __str__(self) -> str:
        return self.name


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", "Mới tiếp nhận"
    ASSIGNED = "assigned", "Đã chuyển ban"
    ANSWERED = "answered", "Đã có trả lời"
    PUBLISHED = "published", "Đã công bố"
    REJECTED = "rejected", "Không tiếp nhận"


CLOSED_STATUSES = (QuestionStatus.PUBLISHED, QuestionStatus.REJECTED)


class Question(models.Model):
    reference = models.CharField("Mã số", max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField("Ngày gửi", auto_now_add=True)
    # Personal data: never public, erased PARTICIPATION_CONTACT_RETENTION_DAYS after closing.
    name = models.CharField("Họ và tên", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", max_length=254, blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    consent_at = models.DateTimeField("Thời điểm đồng ý xử lý dữ liệu", editable=False)
    contact_erased_at = models.DateTimeField("Đã xoá thông tin liên hệ lúc", null=True, blank=True, editable=False)
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

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Câu hỏi"
        verbose_name_plural = "Câu hỏi của người dân"
        permissions = [("view_personal_data", "Xem và xuất thông tin liên hệ của người gửi")]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def published_title(self) -> str:
        return self.public_title or self.title

    @property
    def published_content(self) -> str:
        return self.public_content or self.content

    @property
    def contact_erased(self) -> bool:
        return self.contact_erased_at is not None


class QuestionIndexPage(RoutablePageMixin, Page):
    """/hoi-dap/: the published answers (search, lĩnh vực filter) and, at gui-cau-hoi/, the form."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])
    form_intro = RichTextField("Hướng dẫn gửi câu hỏi", blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("form_intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["questions.QuestionPage"]
    max_count = 1

    class Meta:
        verbose_name = "Trang hỏi đáp"
        verbose_name_plural = "Trang hỏi đáp"

    def published_questions(self):
        return QuestionPage.objects.child_of(self).live().public().select_related("topic").order_by(
            "-answered_on", "-pk")

    @path("")
    def index(self, request: HttpRequest):
        from .views import question_list

        return question_list(request, self)

    @path("gui-cau-hoi/")
    def ask(self, request: HttpRequest):
        from .views import ask_question

        return ask_question(request, self)


class QuestionPage(Page):
    """One published question with its answer; made and updated by the moderation ("Công bố")."""

    readaloud = True
    reference = models.CharField("Mã số", max_length=20, blank=True)
    topic = models.ForeignKey(Topic, verbose_name="Lĩnh vực", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    question_text = models.TextField("Câu hỏi", max_length=5000)
    answer = RichTextField("Trả lời", features=ANSWER_FEATURES)
    committee_name = models.CharField("Đơn vị trả lời", max_length=200, blank=True)
    asked_on = models.DateField("Ngày hỏi", null=True, blank=True)
    answered_on = models.DateField("Ngày trả lời", null=True, blank=True)
    search_text = models.TextField("Văn bản tìm kiếm (không dấu)", blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("reference"), FieldPanel("topic"), FieldPanel("committee_name"),
                         FieldPanel("asked_on"), FieldPanel("answered_on")], heading="Thông tin"),
        FieldPanel("question_text"),
        FieldPanel("answer"),
    ]
    search_fields = Page.search_fields + [index.SearchField("search_text"), index.FilterField("topic")]
    api_fields = [
        APIField("reference"), APIField("topic_name"), APIField("question_text"), APIField("answer"),
        APIField("committee_name"), APIField("asked_on"), APIField("answered_on"),
    ]
    parent_page_types = ["questions.QuestionIndexPage"]
    subpage_types: list[str] = []
    is_creatable = False  # made by publishing a question in "Câu hỏi của người dân"

    class Meta:
        verbose_name = "Câu hỏi đã trả lời"
        verbose_name_plural = "Câu hỏi đã trả lời"

    @property
    def topic_name(self) -> str:
        return self.topic.name if self.topic else ""

    def question_html(self) -> SafeString:
        return paragraphs_html(self.question_text)

    def answer_html(self) -> SafeString:
        return SafeString(expand_db_html(self.answer))

    def readaloud_pieces(self) -> list[tuple[str, str]]:
        """Title, "Câu hỏi" and "Trả lời": exactly the HTML inside the page's elements of these ids."""
        return [("title", escape(self.title)), ("question", str(self.question_html())),
                ("answer", str(self.answer_html()))]

    def save(self, *args, **kwargs):
        from loa.pages.sanitize import sanitize_html

        self.answer = sanitize_html(self.answer or "")
        self.search_text = fold(" ".join([self.title, self.reference, self.question_text,
                                          self.answer_text()]))
        return super().save(*args, **kwargs)

    def answer_text(self) -> str:
        from loa.pages.text import html_to_text

        return html_to_text(self.answer)
