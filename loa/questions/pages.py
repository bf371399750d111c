"""The public side of hỏi đáp: /hoi-dap/ (list, search, the form) and one page per published answer.

A `QuestionPage` holds no personal data: it is what the list, search, RSS and the API see, and
it is read aloud (title, question, answer).
"""
from __future__ import annotations

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

from loa.core.sanitize import sanitize_html
from loa.core.search import FoldedSearchText
from loa.core.text import html_to_text

from .records import ANSWER_FEATURES


def paragraphs_html(text: str) -> SafeString:
    """Plain text as escaped <p> paragraphs (blank lines separate them, single newlines become <br>)."""
    parts = [part.strip() for part in (text or "").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((SafeString(escape(part).replace("\n", "<br>")),) for part in parts))


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


class QuestionPage(FoldedSearchText, Page):
    """One published question with its answer; made and updated by the moderation ("Công bố")."""

    readaloud = True
    reference = models.CharField("Mã số", max_length=20, blank=True)
    topic = models.ForeignKey("questions.Topic", verbose_name="Lĩnh vực", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
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
        self.answer = sanitize_html(self.answer or "")
        return super().save(*args, **kwargs)

    def search_parts(self) -> list[str]:
        return [self.title, self.reference, self.question_text, self.answer_text()]

    def answer_text(self) -> str:
        return html_to_text(self.answer)
