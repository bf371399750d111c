"""/kien-nghi/: the petitions' index (filters, search, summary, feeds, exports) and one page per petition."""
from __future__ import annotations

from datetime import date

from django.db import models
from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from loa.core.text import fold, html_to_text, paragraphs_html

from .status import ANSWERED_STATUSES, Status, is_overdue

ANSWER_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PetitionIndexPage(RoutablePageMixin, Page):
    """/kien-nghi/: every petition with filters as plain GET parameters, the summary, feeds and open data."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["petitions.PetitionPage"]
    max_count = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "Trang kiến nghị cử tri"
        verbose_name_plural = "Trang kiến nghị cử tri"

    def petitions(self):
        return (PetitionPage.objects.child_of(self).live().public()
                .select_related("agency", "locality", "topic", "session", "session__term").order_by("-received_on", "-pk"))

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        return urls + [{"location": base + "tong-hop/", "lastmod": self.last_published_at},
                       {"location": base + "tiep-xuc-cu-tri/", "lastmod": self.last_published_at}]

    @path("")
    def index(self, request: HttpRequest):
        from .views import petition_list

        return petition_list(request, self)

    @path("tong-hop/")
    def summary(self, request: HttpRequest):
        from .views import summary

        return summary(request, self)

    @path("tiep-xuc-cu-tri/")
    def meetings(self, request: HttpRequest):
        from .views import meeting_list

        return meeting_list(request, self)

    @path("tiep-xuc-cu-tri/xuat/<str:fmt>/")
    def meetings_export(self, request: HttpRequest, fmt: str):
        from .exports import export_meetings

        return export_meetings(request, self, fmt)

    @path("xuat/<str:fmt>/")
    def export(self, request: HttpRequest, fmt: str):
        from .exports import export_petitions

        return export_petitions(request, self, fmt)

    @path("rss/")
    def rss(self, request: HttpRequest):
        from .feeds import PetitionFeed

        return PetitionFeed(self, atom=False)(request)

    @path("atom/")
    def atom(self, request: HttpRequest):
        from .feeds import PetitionFeed

        return PetitionFeed(self, atom=True)(request)


class PetitionPage(Page):
    """One petition (kiến nghị) as summarised by the office: no voter's name or contact is ever kept here."""

    readaloud = True
    code = models.CharField("Số hiệu", max_length=40, blank=True, db_index=True, help_text="Ví dụ: KN-25-001.")
    content = models.TextField("Nội dung kiến nghị", max_length=6000,
                               help_text="Như Văn phòng tổng hợp; không ghi tên, địa chỉ của cử tri.")
    topic = models.ForeignKey("petitions.PetitionTopic", verbose_name="Lĩnh vực", on_delete=models.PROTECT,
                              related_name="petitions")
    locality = models.ForeignKey("petitions.Locality", verbose_name="Địa bàn", on_delete=models.PROTECT,
                                 related_name="petitions")
    agency = models.ForeignKey("petitions.Agency", verbose_name="Cơ quan trả lời", on_delete=models.PROTECT,
                               related_name="petitions")
    session = models.ForeignKey("kyhop.SessionPage", verbose_name="Kỳ họp", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="petitions",
                                help_text="Kỳ họp mà kiến nghị được tổng hợp gửi đến.")
    meetings = ParentalManyToManyField("petitions.VoterMeeting", verbose_name="Các cuộc tiếp xúc cử tri", blank=True,
                                       related_name="petitions")
    opinion_count = models.PositiveIntegerField("Số ý kiến cử tri", default=1,
                                                help_text="Số ý kiến cử tri cùng nội dung được gộp vào kiến nghị này.")
    received_on = models.DateField("Ngày tiếp nhận")
    forwarded_on = models.DateField("Ngày chuyển cơ quan", null=True, blank=True)
    deadline = models.DateField("Hạn trả lời", null=True, blank=True, db_index=True)
    answer = RichTextField("Nội dung trả lời", blank=True, features=ANSWER_FEATURES)
    answer_document = models.ForeignKey("documents.DocumentPage", verbose_name="Văn bản trả lời", null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    assessment = models.TextField("Đánh giá của Hội đồng nhân dân về trả lời", blank=True, max_length=3000)
    # Kept in step with the history (loa/petitions/status.py) by sync_status(); never typed in.
    status = models.CharField("Trạng thái", max_length=20, choices=Status.choices, default=Status.RECEIVED,
                              editable=False, db_index=True)
    status_date = models.DateField("Ngày trạng thái", null=True, blank=True, editable=False)
    answered_on = models.DateField("Ngày trả lời", null=True, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("code"), FieldPanel("opinion_count")]),
            FieldRowPanel([FieldPanel("topic"), FieldPanel("locality"), FieldPanel("agency")]),
            FieldPanel("session"),
            FieldPanel("meetings"),
        ], heading="Thông tin kiến nghị"),
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("received_on"), FieldPanel("forwarded_on"), FieldPanel("deadline")],
                      heading="Thời hạn"),
        MultiFieldPanel([FieldPanel("answer"), FieldPanel("answer_document"), FieldPanel("assessment")],
                        heading="Trả lời và đánh giá"),
    ]
    search_fields = Page.search_fields + [index.SearchField("search_text"), index.FilterField("status")]
    api_fields = [
        APIField("code"), APIField("content"), APIField("topic_name"), APIField("locality_name"),
        APIField("agency_name"), APIField("session"), APIField("opinion_count"), APIField("received_on"),
        APIField("forwarded_on"), APIField("deadline"), APIField("status"), APIField("status_label"),
        APIField("status_date"), APIField("overdue"), APIField("answered_on"), APIField("answer"),
        APIField("assessment"),
    ]
    parent_page_types = ["petitions.PetitionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Kiến nghị cử tri"
        verbose_name_plural = "Kiến nghị cử tri"

    @property
    def topic_name(self) -> str:
        return self.topic.name

    @property
    def locality_name(self) -> str:
        return self.locality.name

    @property
    def agency_name(self) -> str:
        return self.agency.name

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def overdue(self) -> bool:
        return is_overdue(self.status, self.deadline)

    def is_overdue_on(self, today: date) -> bool:
        return is_overdue(self.status, self.deadline, today)

    @property
    def days_to_answer(self) -> int | None:
        start = self.forwarded_on or self.received_on
        return (self.answered_on - start).days if self.answered_on and start else None

    def history(self):
        return self.status_changes.order_by("date", "pk")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["history"] = self.history()
        context["meetings"] = self.meetings.select_related("locality").order_by("date")
        return context

    def content_html(self) -> SafeString:
        return paragraphs_html(self.content)

    def answer_html(self) -> SafeString:
        return SafeString(expand_db_html(self.answer))

    def readaloud_pieces(self) -> list[tuple[str, str]]:
        """Title, the petition, then the answer: exactly the HTML inside the page's elements of these ids."""
        pieces = [("title", escape(self.title)), ("content", str(self.content_html()))]
        if self.answer:
            pieces.append(("answer", str(self.answer_html())))
        return pieces

    def clean(self) -> None:
        super().clean()
        from django.core.exceptions import ValidationError

        from .status import local_today

        errors = {}
        if self.received_on and self.received_on > local_today():
            errors["received_on"] = "Ngày tiếp nhận không thể sau hôm nay."
        if self.received_on and self.forwarded_on and self.forwarded_on < self.received_on:
            errors["forwarded_on"] = "Ngày chuyển không thể trước ngày tiếp nhận."
        if self.received_on and self.deadline and self.deadline < self.received_on:
            errors["deadline"] = "Hạn trả lời không thể trước ngày tiếp nhận."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from loa.core.sanitize import sanitize_html

        self.answer = sanitize_html(self.answer or "")
        if self.pk:
            self._copy_status()  # a revision being published must not bring back an older status
        self.search_text = fold(" ".join([self.title, self.code, self.content, html_to_text(self.answer),
                                          self.assessment]))
        result = super().save(*args, **kwargs)
        if not self.status_changes.exists():
            from .status import record_status

            record_status(self, Status.RECEIVED, self.received_on)
        return result

    def _copy_status(self) -> None:
        last = self.status_changes.order_by("-date", "-pk").first()
        if last is None:
            return
        self.status, self.status_date = last.status, last.date
        answered = self.status_changes.filter(status__in=ANSWERED_STATUSES).order_by("date", "pk").first()
        self.answered_on = answered.date if answered else None

    def sync_status(self) -> None:
        """Copy the history's latest step onto the page row (the lists filter on it)."""
        self._copy_status()
        PetitionPage.objects.filter(pk=self.pk).update(status=self.status, status_date=self.status_date,
                                                       answered_on=self.answered_on)


def unique_slug(parent: Page, text: str) -> str:
    """A slug for a new child of `parent` from `text` (folded to ASCII), with -2, -3... if taken."""
    from django.utils.text import slugify

    base = slugify(fold(text))[:60].strip("-") or "kien-nghi"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
