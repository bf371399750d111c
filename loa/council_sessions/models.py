"""Sessions (kỳ họp) of the council: one page each, with the agenda, the session's documents and related news."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from loa.core.search import FoldedSearchText


class SessionKind(models.TextChoices):
    REGULAR = "thuong-le", "Kỳ họp thường lệ"
    THEMATIC = "chuyen-de", "Kỳ họp chuyên đề"
    EXTRAORDINARY = "bat-thuong", "Kỳ họp bất thường"


@dataclass(frozen=True)
class TermSessions:
    term: object  # loa.delegates.models.Term
    sessions: list[SessionPage]


class SessionIndexPage(Page):
    """/ky-hop/: every session, grouped by khóa, newest first."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["kyhop.SessionPage"]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "Danh sách kỳ họp"
        verbose_name_plural = "Danh sách kỳ họp"

    def grouped_sessions(self) -> list[TermSessions]:
        sessions = (SessionPage.objects.live().public().descendant_of(self).select_related("term")
                    .order_by("-term__number", "-start_date", "-number"))
        groups: dict[int, TermSessions] = {}
        for session in sessions:
            groups.setdefault(session.term_id, TermSessions(session.term, [])).sessions.append(session)
        return list(groups.values())

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = self.grouped_sessions()
        return context


class SessionPage(FoldedSearchText, Page):
    term = models.ForeignKey("delegates.Term", verbose_name="Khóa", on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveSmallIntegerField("Kỳ họp thứ")
    kind = models.CharField("Loại kỳ họp", max_length=16, choices=SessionKind.choices, default=SessionKind.REGULAR)
    start_date = models.DateField("Ngày khai mạc")
    end_date = models.DateField("Ngày bế mạc")
    place = models.CharField("Địa điểm", max_length=300, blank=True)
    summary = models.TextField("Tóm tắt", blank=True, max_length=2000)
    livestream_url = models.URLField(
        "Đường dẫn truyền hình trực tiếp", blank=True, validators=[URLValidator(schemes=["http", "https"])],
        help_text="Trang phát trực tiếp hoặc xem lại kỳ họp (http hoặc https).",
    )
    search_text = models.TextField(blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("term"), FieldPanel("number"), FieldPanel("kind")]),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("place"),
            FieldPanel("livestream_url"),
        ], heading="Thông tin kỳ họp"),
        FieldPanel("summary"),
        InlinePanel("agenda_items", label="Mục chương trình", heading="Chương trình kỳ họp"),
        InlinePanel("materials", label="Tài liệu", heading="Tài liệu kỳ họp"),
        InlinePanel("resolutions", label="Nghị quyết", heading="Nghị quyết được thông qua"),
        InlinePanel("news_links", label="Tin bài", heading="Tin bài liên quan"),
    ]

    search_fields = Page.search_fields + [index.SearchField("search_text"), index.FilterField("start_date")]

    api_fields = [
        APIField("term"),
        APIField("number"),
        APIField("kind"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("place"),
        APIField("summary"),
        APIField("livestream_url"),
        APIField("agenda_items"),
        APIField("materials"),
        APIField("resolutions"),
    ]

    parent_page_types = ["kyhop.SessionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Kỳ họp"
        verbose_name_plural = "Kỳ họp"

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Ngày bế mạc không thể trước ngày khai mạc."})
        if self.term_id and self.number:
            twins = SessionPage.objects.filter(term_id=self.term_id, number=self.number).exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError({"number": "Khóa này đã có kỳ họp mang số thứ tự này."})

    def search_parts(self) -> list[str]:
        agenda = " ".join(f"{item.title} {item.presenter}" for item in self.agenda_items.all())
        return [self.title, self.place, self.summary, agenda]

    @property
    def date_range(self) -> str:
        if self.start_date == self.end_date:
            return self.start_date.strftime("%d/%m/%Y")
        if self.start_date.year == self.end_date.year:
            return f"{self.start_date:%d/%m} – {self.end_date:%d/%m/%Y}"
        return f"{self.start_date:%d/%m/%Y} – {self.end_date:%d/%m/%Y}"

    def status(self, today: date | None = None) -> str:
        today = today or timezone.localdate()
        if today < self.start_date:
            return "Sắp diễn ra"
        if today <= self.end_date:
            return "Đang diễn ra"
        return "Đã bế mạc"

    @property
    def status_label(self) -> str:
        return self.status()

    def agenda_by_day(self) -> list[tuple[date, list[SessionAgendaItem]]]:
        days: dict[date, list[SessionAgendaItem]] = {}
        for item in self.agenda_items.all().select_related("delegate"):
            days.setdefault(item.day or self.start_date, []).append(item)
        return sorted(days.items())

    def live_documents(self, relation: str) -> list:
        return [link.document for link in getattr(self, relation).all().select_related("document")
                if link.document.live]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["agenda"] = self.agenda_by_day()
        context["materials"] = self.live_documents("materials")
        context["resolutions"] = self.live_documents("resolutions")
        context["news"] = [link.article for link in self.news_links.all().select_related("article") if link.article.live]
        return context


class SessionAgendaItem(Orderable):
    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="agenda_items")
    day = models.DateField("Ngày", null=True, blank=True, help_text="Để trống: ngày khai mạc.")
    start_time = models.TimeField("Giờ bắt đầu", null=True, blank=True)
    title = models.CharField("Nội dung", max_length=500)
    presenter = models.CharField("Người trình bày / chủ trì", max_length=300, blank=True)
    delegate = models.ForeignKey(
        "delegates.DelegatePage", verbose_name="Đại biểu trình bày", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="agenda_items",
        help_text="Nếu người trình bày là đại biểu: kỳ họp hiện trên trang của đại biểu.",
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("presenter"), FieldPanel("delegate")]),
    ]
    api_fields = [APIField("day"), APIField("start_time"), APIField("title"), APIField("presenter")]

    class Meta(Orderable.Meta):
        verbose_name = "mục chương trình"
        verbose_name_plural = "chương trình kỳ họp"

    @property
    def presenter_label(self) -> str:
        if self.presenter:
            return self.presenter
        return self.delegate.title if self.delegate_id else ""


class SessionDocumentLink(Orderable):
    document = models.ForeignKey("documents.DocumentPage", verbose_name="Văn bản", on_delete=models.CASCADE,
                                 related_name="+")

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]

    class Meta(Orderable.Meta):
        abstract = True


class SessionMaterial(SessionDocumentLink):
    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="materials")

    class Meta(SessionDocumentLink.Meta):
        verbose_name = "tài liệu kỳ họp"
        verbose_name_plural = "tài liệu kỳ họp"


class SessionResolution(SessionDocumentLink):
    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="resolutions")

    class Meta(SessionDocumentLink.Meta):
        verbose_name = "nghị quyết được thông qua"
        verbose_name_plural = "nghị quyết được thông qua"


class SessionNews(Orderable):
    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="news_links")
    article = models.ForeignKey("pages.ArticlePage", verbose_name="Tin bài", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "tin bài liên quan"
        verbose_name_plural = "tin bài liên quan"
