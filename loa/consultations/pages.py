"""Draft resolutions open for comments (lấy ý kiến dự thảo): /gop-y-du-thao/ and one page per draft.

Times are stored in UTC and entered and shown in Asia/Ho_Chi_Minh (TIME_ZONE). A draft takes
comments from `opens_at` (inclusive) to `closes_at` (exclusive): at the deadline the form is gone
and a comment sent from a page opened earlier is refused.
"""
from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from loa.core.cache import limit_cache_lifetime
from loa.pages.blocks import ArticleBodyBlock, SummaryAndBody

from .records import CommentStatus, DraftComment


class CommentDisplay(models.TextChoices):
    MODERATED = "moderated", "Hiện công khai các góp ý đã duyệt"
    HIDDEN = "hidden", "Không hiện góp ý (chỉ Văn phòng tổng hợp)"


class DraftState(models.TextChoices):
    UPCOMING = "upcoming", "Sắp lấy ý kiến"
    OPEN = "open", "Đang lấy ý kiến"
    CLOSED = "closed", "Đã hết hạn góp ý"


class ConsultationIndexPage(Page):
    """/gop-y-du-thao/: the drafts, open ones first."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["consultations.DraftPage"]
    max_count = 1

    class Meta:
        verbose_name = "Trang góp ý dự thảo"
        verbose_name_plural = "Trang góp ý dự thảo"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        drafts = list(DraftPage.objects.child_of(self).live().public().select_related("committee")
                      .order_by("-closes_at"))
        groups: dict[str, list[DraftPage]] = {state: [] for state in DraftState.values}
        for draft in drafts:
            groups[draft.state(now)].append(draft)
            limit_cache_lifetime(request, draft.next_change(now))
        groups[DraftState.OPEN].sort(key=lambda d: d.closes_at)
        context["open_drafts"] = groups[DraftState.OPEN]
        context["upcoming_drafts"] = sorted(groups[DraftState.UPCOMING], key=lambda d: d.opens_at)
        context["closed_drafts"] = groups[DraftState.CLOSED]
        return context


class DraftPage(SummaryAndBody, Page):
    readaloud = True  # read as an article: title, summary, body
    summary = models.TextField("Tóm tắt", max_length=1000, blank=True,
                               help_text="Mục đích, phạm vi của dự thảo; hiện ở danh sách và được đọc trước toàn văn.")
    body = StreamField(ArticleBodyBlock(), verbose_name="Toàn văn dự thảo (để đọc trên trang và nghe)", blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp dự thảo", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="Tệp PDF hoặc Word để người dân tải về.",
    )
    opens_at = models.DateTimeField("Bắt đầu lấy ý kiến", default=timezone.now)
    closes_at = models.DateTimeField("Hạn góp ý", help_text="Giờ Việt Nam. Sau thời điểm này biểu mẫu góp ý đóng lại.")
    committee = models.ForeignKey("participation.Committee", verbose_name="Cơ quan chủ trì", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="drafts")
    comment_display = models.CharField("Hiển thị góp ý", max_length=20, choices=CommentDisplay.choices,
                                       default=CommentDisplay.MODERATED)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("committee"),
                         FieldPanel("comment_display")], heading="Lấy ý kiến"),
        FieldPanel("document"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [APIField("summary"), APIField("body"), APIField("document"), APIField("opens_at"),
                  APIField("closes_at"), APIField("committee_name")]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Dự thảo lấy ý kiến"
        verbose_name_plural = "Dự thảo lấy ý kiến"

    @property
    def committee_name(self) -> str:
        return self.committee.name if self.committee else ""

    def state(self, at: datetime | None = None) -> str:
        at = at or timezone.now()
        if at < self.opens_at:
            return DraftState.UPCOMING
        if at < self.closes_at:
            return DraftState.OPEN
        return DraftState.CLOSED

    def state_label(self) -> str:
        return DraftState(self.state()).label

    def is_open(self, at: datetime | None = None) -> bool:
        return self.state(at) == DraftState.OPEN

    def next_change(self, at: datetime) -> datetime | None:
        """When this draft's state changes next (a cached page must not outlive it)."""
        for moment in (self.opens_at, self.closes_at):
            if moment and at < moment:
                return moment
        return None

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "Hạn góp ý phải sau thời điểm bắt đầu lấy ý kiến."})

    def visible_comments(self):
        if self.comment_display != CommentDisplay.MODERATED:
            return DraftComment.objects.none()
        return self.comments.filter(status=CommentStatus.APPROVED).order_by("created_at")

    def serve(self, request: HttpRequest, *args, **kwargs):
        from .views import serve_draft

        return serve_draft(request, self)
