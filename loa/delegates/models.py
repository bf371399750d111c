"""Delegates (đại biểu): the list page (/dai-bieu/) and one page per delegate; khóa and tổ are in terms.py."""
from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from loa.core.search import FoldedSearchText
from loa.core.text import fold

from .terms import DelegationGroup, Term


class DelegateIndexPage(Page):
    """/dai-bieu/: delegates by tổ, filtered by ?to=<số tổ> and ?khoa=<khóa thứ>."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["delegates.DelegatePage"]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "Danh sách đại biểu"
        verbose_name_plural = "Danh sách đại biểu"

    def delegates(self):
        return (DelegatePage.objects.live().public().descendant_of(self)
                .select_related("group", "term", "photo").order_by("group__number", "list_order", "title"))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from .listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


phone_validator = RegexValidator(r"^[0-9 +().-]{6,20}$", "Số điện thoại chỉ gồm chữ số, khoảng trắng và + ( ) . -")


class DelegatePage(FoldedSearchText, Page):
    """One delegate: photo, họ tên (the page title), chức vụ, đơn vị, tổ, khóa and optional public contact."""

    photo = models.ForeignKey("wagtailimages.Image", verbose_name="Ảnh chân dung", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    position = models.CharField("Chức vụ", max_length=300, help_text="Ví dụ: Phó Chủ tịch HĐND tỉnh.")
    workplace = models.CharField("Đơn vị công tác", max_length=300, blank=True)
    constituency = models.CharField("Đơn vị bầu cử", max_length=300, blank=True,
                                    help_text="Ví dụ: Đơn vị bầu cử số 1 – phường 1, phường 2.")
    group = models.ForeignKey(DelegationGroup, verbose_name="Tổ đại biểu", on_delete=models.PROTECT, related_name="delegates")
    term = models.ForeignKey(Term, verbose_name="Khóa", on_delete=models.PROTECT, related_name="delegates")
    list_order = models.PositiveSmallIntegerField("Thứ tự trong tổ", default=0,
                                                  help_text="Nhỏ hơn đứng trước (tổ trưởng: 1).")
    email = models.EmailField("Thư điện tử công vụ", blank=True, help_text="Không bắt buộc; hiện công khai trên trang.")
    phone = models.CharField("Điện thoại công vụ", max_length=20, blank=True, validators=[phone_validator],
                             help_text="Không bắt buộc; hiện công khai trên trang.")
    bio = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link", "ul"])
    search_text = models.TextField(blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("photo"),
        MultiFieldPanel([
            FieldPanel("position"), FieldPanel("workplace"), FieldPanel("constituency"),
            FieldRowPanel([FieldPanel("group"), FieldPanel("term"), FieldPanel("list_order")]),
        ], heading="Thông tin đại biểu"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])], heading="Liên hệ (không bắt buộc)"),
        FieldPanel("bio"),
        InlinePanel("news_links", label="Tin bài liên quan",
                    help_text="Tin bài nhắc đến đại biểu theo họ tên được liệt kê tự động; thêm ở đây các tin khác."),
    ]

    search_fields = Page.search_fields + [index.SearchField("search_text"), index.SearchField("position")]

    api_fields = [
        APIField("photo"),
        APIField("photo_thumbnail", serializer=ImageRenditionField("fill-240x320", source="photo")),
        APIField("position"),
        APIField("workplace"),
        APIField("constituency"),
        APIField("group"),
        APIField("term"),
        APIField("email"),
        APIField("phone"),
    ]

    parent_page_types = ["delegates.DelegateIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Đại biểu"
        verbose_name_plural = "Đại biểu"

    @property
    def full_name(self) -> str:
        return self.title

    @property
    def photo_alt(self) -> str:
        return f"Ảnh chân dung đại biểu {self.title}"

    def search_parts(self) -> list[str]:
        return [self.title, self.position, self.workplace, self.constituency]

    def mentioned_sessions(self) -> list:
        """Live sessions whose agenda names this delegate (chosen as presenter) or whose text has the name."""
        from loa.council_sessions.models import SessionPage

        by_agenda = SessionPage.objects.live().public().filter(agenda_items__delegate=self)
        by_name = [s for s in SessionPage.objects.live().public().filter(search_text__contains=fold(self.title))
                   if mentions(s.search_text, self.title)]
        found = {s.pk: s for s in [*by_agenda, *by_name]}
        return sorted(found.values(), key=lambda s: s.start_date, reverse=True)

    def mentioned_news(self, limit: int = 20) -> list:
        """Live articles that name this delegate, plus those the editors linked, newest first."""
        from loa.pages.models import live_articles

        linked = live_articles().filter(pk__in=self.news_links.values("article_id"))
        named = [a for a in live_articles().filter(search_text__contains=fold(self.title))[:200]
                 if mentions(a.search_text, self.title)]
        found = {a.pk: a for a in [*linked, *named]}
        return sorted(found.values(), key=lambda a: a.date, reverse=True)[:limit]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.mentioned_sessions()
        context["news"] = self.mentioned_news()
        # The breadcrumb's last link: the delegate's tổ in the list (?to=).
        context["group_crumb"] = (f"Tổ {self.group.number}",
                                  f"{self.get_parent().get_url(request=request)}?to={self.group.number}")
        # Other apps' sections (voter meetings, interpellations): each hook returns HTML, or "".
        from django.utils.safestring import mark_safe
        from wagtail import hooks

        context["extra_sections"] = [mark_safe(fn(request, self)) for fn in hooks.get_hooks("loa_delegate_sections")]
        return context


def mentions(folded_text: str, name: str) -> bool:
    """Whether `folded_text` has `name` (folded) as whole words: "Nguyễn Văn An" is not in "nguyen van anh"."""
    needle = fold(name)
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", folded_text or "") is not None


class DelegateNews(Orderable):
    page = ParentalKey(DelegatePage, on_delete=models.CASCADE, related_name="news_links")
    article = models.ForeignKey("pages.ArticlePage", verbose_name="Tin bài", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "tin bài liên quan"
        verbose_name_plural = "tin bài liên quan"
