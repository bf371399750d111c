"""Page types of the portal: home, category (chuyên mục) and article, plus the site branding setting."""
from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from loa.core.pagination import paginate
from loa.core.search import FoldedSearchText
from loa.readaloud.voice_choice import readaloud_voice_field, readaloud_voice_panel

from .blocks import ArticleBodyBlock, SummaryAndBody


def live_articles():
    return (
        ArticlePage.objects.live()
        .public()
        .select_related("cover_image")
        .order_by("-date", "-first_published_at", "-pk")
    )


def attach_categories(articles) -> None:
    """Set `article.category_page` on each article with one query instead of one per article."""
    articles = list(articles)
    parent_paths = {a.path[: -ArticlePage.steplen] for a in articles}
    categories = {c.path: c for c in CategoryPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.category_page = categories.get(article.path[: -ArticlePage.steplen])


class HomePage(Page):
    intro = RichTextField(
        "Lời giới thiệu", blank=True, features=["bold", "italic", "link"],
        help_text="Hiển thị phía trên danh sách tin bài (không bắt buộc).",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.CategoryPage", "pages.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = "Trang chủ"
        verbose_name_plural = "Trang chủ"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        articles = paginate(request, live_articles().descendant_of(self))
        attach_categories(articles.object_list)
        context["articles"] = articles
        return context


class CategoryPage(Page):
    intro = RichTextField("Giới thiệu chuyên mục", blank=True, features=["bold", "italic", "link"])
    readaloud_voice = readaloud_voice_field()

    content_panels = Page.content_panels + [FieldPanel("intro"), readaloud_voice_panel()]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ArticlePage"]

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        articles = paginate(request, live_articles().child_of(self))
        for article in articles.object_list:
            article.category_page = self
        context["articles"] = articles
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("pages.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "Thẻ của tin bài"
        verbose_name_plural = "Thẻ của tin bài"


class ArticlePage(SummaryAndBody, FoldedSearchText, Page):
    readaloud = True  # loa.readaloud makes its audio (title, summary, body)
    date = models.DateTimeField(
        "Ngày đăng", default=timezone.now,
        help_text="Ngày giờ hiển thị trên tin bài và dùng để sắp xếp.",
    )
    author = models.CharField("Tác giả", max_length=200, blank=True)
    source = models.CharField("Nguồn", max_length=200, blank=True, help_text="Ví dụ: Văn phòng HĐND tỉnh.")
    summary = models.TextField(
        "Tóm tắt", blank=True, max_length=1000,
        help_text="Một đến ba câu giới thiệu nội dung; hiện trên trang chủ, RSS và đầu tin bài.",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh đại diện", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    cover_caption = models.CharField("Chú thích ảnh đại diện", max_length=300, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name="Nội dung", blank=True)
    tags = ClusterTaggableManager("Thẻ", through=ArticlePageTag, blank=True)
    # Title, summary and body without diacritics, lower case: Vietnamese-insensitive search.
    search_text = models.TextField("Văn bản tìm kiếm (không dấu)", blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("source")],
            heading="Thông tin tin bài",
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_caption")], heading="Ảnh đại diện"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("summary"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("author"),
        APIField("source"),
        APIField("summary"),
        APIField("cover_image"),
        APIField("cover_thumbnail", serializer=ImageRenditionField("fill-600x400", source="cover_image")),
        APIField("cover_caption"),
        APIField("body"),
        APIField("tags"),
    ]

    parent_page_types = ["pages.CategoryPage", "pages.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Tin bài"
        verbose_name_plural = "Tin bài"
        indexes = [models.Index(fields=["date"], name="pages_article_date_idx")]

    @property
    def category(self) -> CategoryPage | None:
        """The chuyên mục is the parent page when that is a CategoryPage."""
        if not hasattr(self, "category_page"):
            parent = self.get_parent()
            self.category_page = parent.specific if parent and parent.specific_class is CategoryPage else None
        return self.category_page

    def search_parts(self) -> list[str]:
        return [self.title, self.plain_text(), " ".join(tag.name for tag in self.tags.all())]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        related = live_articles().sibling_of(self, inclusive=False)[:5]
        context["related_articles"] = related
        return context


@register_setting(icon="image")
class SiteBranding(BaseSiteSetting):
    """Header banner and footer details, editable under Cài đặt > Nhận diện trang."""

    site_name = models.CharField(
        "Tên trang", max_length=200, default="Hội đồng nhân dân tỉnh",
        help_text="Dùng trong tiêu đề trình duyệt, RSS và làm văn bản thay thế cho ảnh banner.",
    )
    banner = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh banner đầu trang", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Khuyến nghị ảnh ngang, tỉ lệ khoảng 6:1 (ví dụ 1200×200 điểm ảnh).",
    )
    banner_alt = models.CharField(
        "Văn bản thay thế của banner", max_length=250, blank=True,
        help_text="Để trống sẽ dùng tên trang.",
    )
    footer_text = RichTextField(
        "Chân trang", blank=True, features=["bold", "italic", "link"],
        help_text="Địa chỉ, điện thoại, thư điện tử, giấy phép…",
    )

    select_related = ["banner"]

    panels = [
        FieldPanel("site_name"),
        MultiFieldPanel([FieldPanel("banner"), FieldPanel("banner_alt")], heading="Banner"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = "Nhận diện trang"
        verbose_name_plural = "Nhận diện trang"

    @property
    def banner_alt_text(self) -> str:
        return self.banner_alt or self.site_name

