"""Interpellations (chất vấn): one page each, per session, with the commitments made and their follow-up."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from loa.core.text import fold, paragraphs_html


class CommitmentStatus(models.TextChoices):
    PENDING = "dang-thuc-hien", "Đang thực hiện"
    DONE = "da-thuc-hien", "Đã thực hiện"
    PARTLY = "thuc-hien-mot-phan", "Thực hiện một phần"
    NOT_DONE = "chua-thuc-hien", "Chưa thực hiện"


class InterpellationIndexPage(RoutablePageMixin, Page):
    """/chat-van/: interpellations grouped by session (newest first), ?ky-hop= for one; CSV/JSON exports."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["interpellations.InterpellationPage"]
    max_count = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "Trang chất vấn"
        verbose_name_plural = "Trang chất vấn"

    def interpellations(self):
        return (InterpellationPage.objects.child_of(self).live().public()
                .select_related("session", "session__term", "delegate")
                .prefetch_related("commitments", "commitments__follow_up_session")
                .order_by("-session__start_date", "sort_order", "pk"))

    def follow_ups(self, session=None):
        """Commitments of this index's interpellations reported at a later live session (or at `session`)."""
        commitments = (Commitment.objects.filter(page__in=self.interpellations(), follow_up_session__isnull=False,
                                                 follow_up_session__live=True)
                       .select_related("page", "follow_up_session", "page__session"))
        if session is not None:
            commitments = commitments.filter(follow_up_session=session)
        return commitments

    def grouped(self, interpellations, session=None) -> list[SessionGroup]:
        return group_by_session(interpellations, self.follow_ups(session))

    @path("")
    def index(self, request: HttpRequest):
        from .views import interpellation_list

        return interpellation_list(request, self)

    @path("xuat/<str:fmt>/")
    def export(self, request: HttpRequest, fmt: str):
        from .views import export

        return export(request, self, fmt)


class InterpellationPage(Page):
    """One question asked at a session, the answer's summary and the commitments the official made."""

    readaloud = True
    session = models.ForeignKey("kyhop.SessionPage", verbose_name="Kỳ họp", on_delete=models.PROTECT,
                                related_name="interpellations")
    sort_order = models.PositiveSmallIntegerField("Thứ tự trong kỳ họp", default=0)
    delegate = models.ForeignKey("delegates.DelegatePage", verbose_name="Đại biểu chất vấn", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="interpellations")
    asker_name = models.CharField("Người chất vấn (nếu không phải đại biểu trên cổng)", max_length=200, blank=True)
    official_name = models.CharField("Người trả lời", max_length=200)
    official_title = models.CharField("Chức vụ, cơ quan người trả lời", max_length=300,
                                      help_text="Ví dụ: Giám đốc Sở Giao thông vận tải.")
    question = models.TextField("Nội dung chất vấn", max_length=5000)
    answer_summary = models.TextField("Tóm tắt trả lời", max_length=8000, blank=True)
    video_url = models.URLField("Video kỳ họp", blank=True, validators=[URLValidator(schemes=["http", "https"])],
                                help_text="Bản ghi kỳ họp (http hoặc https).")
    video_start = models.PositiveIntegerField("Bắt đầu tại (giây)", null=True, blank=True,
                                              help_text="Thời điểm phần chất vấn này bắt đầu trong video.")
    search_text = models.TextField(blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("session"), FieldPanel("sort_order")]),
            FieldRowPanel([FieldPanel("delegate"), FieldPanel("asker_name")]),
            FieldRowPanel([FieldPanel("official_name"), FieldPanel("official_title")]),
            FieldRowPanel([FieldPanel("video_url"), FieldPanel("video_start")]),
        ], heading="Thông tin chất vấn"),
        FieldPanel("question"),
        FieldPanel("answer_summary"),
        InlinePanel("commitments", label="Cam kết", heading="Cam kết của người trả lời"),
    ]
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    api_fields = [
        APIField("session"), APIField("asker"), APIField("official_name"), APIField("official_title"),
        APIField("question"), APIField("answer_summary"), APIField("video_link"), APIField("commitments"),
    ]
    parent_page_types = ["interpellations.InterpellationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Chất vấn"
        verbose_name_plural = "Chất vấn"

    def clean(self) -> None:
        super().clean()
        if not self.delegate_id and not self.asker_name:
            raise ValidationError({"delegate": "Chọn đại biểu chất vấn hoặc ghi tên người chất vấn."})

    @property
    def asker(self) -> str:
        return self.delegate.title if self.delegate_id else self.asker_name

    @property
    def video_link(self) -> str:
        return video_at(self.video_url, self.video_start)

    @property
    def video_time_label(self) -> str:
        if self.video_start is None:
            return ""
        hours, rest = divmod(self.video_start, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    def question_html(self) -> SafeString:
        return paragraphs_html(self.question)

    def answer_html(self) -> SafeString:
        return paragraphs_html(self.answer_summary)

    def readaloud_pieces(self) -> list[tuple[str, str]]:
        pieces = [("title", escape(self.title)), ("question", str(self.question_html()))]
        if self.answer_summary:
            pieces.append(("answer", str(self.answer_html())))
        return pieces

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.title, self.asker_name, self.official_name, self.official_title,
                                          self.question, self.answer_summary]))
        return super().save(*args, **kwargs)


def video_at(url: str, seconds: int | None) -> str:
    """The recording's address at `seconds`: ?t= for YouTube, a media fragment (#t=) elsewhere."""
    if not url or seconds is None:
        return url
    parts = urlsplit(url)
    if parts.netloc.endswith(("youtube.com", "youtu.be")):
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "t"] + [("t", f"{seconds}s")]
        return urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    return urlunsplit(parts._replace(fragment=f"t={seconds}"))


class Commitment(Orderable):
    page = ParentalKey(InterpellationPage, on_delete=models.CASCADE, related_name="commitments")
    text = models.TextField("Nội dung cam kết", max_length=2000)
    due_date = models.DateField("Hạn thực hiện", null=True, blank=True)
    status = models.CharField("Tình trạng", max_length=20, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.PENDING)
    follow_up_session = models.ForeignKey("kyhop.SessionPage", verbose_name="Báo cáo tại kỳ họp", null=True,
                                          blank=True, on_delete=models.SET_NULL, related_name="commitment_follow_ups",
                                          help_text="Kỳ họp sau, nơi tình trạng thực hiện được báo cáo.")
    follow_up_note = models.TextField("Kết quả theo dõi", blank=True, max_length=2000)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
        FieldPanel("follow_up_session"),
        FieldPanel("follow_up_note"),
    ]
    api_fields = [APIField("text"), APIField("due_date"), APIField("status"), APIField("follow_up_note")]

    class Meta(Orderable.Meta):
        verbose_name = "cam kết"
        verbose_name_plural = "cam kết"

    @property
    def overdue(self) -> bool:
        return (self.due_date is not None and self.status == CommitmentStatus.PENDING
                and timezone.localdate() > self.due_date)


@dataclass
class SessionGroup:
    session: object
    interpellations: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)  # commitments from earlier sessions reported at this one


def group_by_session(interpellations, follow_ups) -> list[SessionGroup]:
    groups: dict[int, SessionGroup] = {}
    for item in interpellations:
        groups.setdefault(item.session_id, SessionGroup(item.session)).interpellations.append(item)
    for commitment in follow_ups:
        session = commitment.follow_up_session
        groups.setdefault(session.pk, SessionGroup(session)).follow_ups.append(commitment)
    return sorted(groups.values(), key=lambda g: g.session.start_date or date.min, reverse=True)
