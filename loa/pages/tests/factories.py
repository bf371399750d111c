"""Small builders for page trees in tests (much faster than loading the whole demo)."""
from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from wagtail.models import Page, Site

from loa.pages.demo.loader import ensure_roots
from loa.pages.models import ArticlePage, CategoryPage, HomePage


def make_home(title: str = "Trang chủ") -> HomePage:
    root = ensure_roots()  # an earlier transactional test (in this process) may have flushed Wagtail's roots
    home = HomePage(title=title, slug="trang-chu")
    root.add_child(instance=home)
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
    site.root_page = home
    site.save()
    return home


def make_category(home: HomePage, title: str = "Hoạt động HĐND", slug: str = "hoat-dong") -> CategoryPage:
    category = CategoryPage(title=title, slug=slug, show_in_menus=True)
    home.add_child(instance=category)
    category.save_revision().publish()
    return category


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": {"text": html, "skip_reading": False}}


def make_article(
    parent: Page,
    title: str = "Hội đồng nhân dân tỉnh họp phiên thường kỳ",
    body: list[dict] | None = None,
    summary: str = "Tóm tắt tin bài.",
    date: datetime | None = None,
    publish: bool = True,
    **fields,
) -> ArticlePage:
    article = ArticlePage(
        title=title,
        summary=summary,
        date=date or timezone.now(),
        body=body if body is not None else [paragraph("<p>Nội dung <b>chính</b> của tin bài.</p>")],
        **fields,
    )
    parent.add_child(instance=article)
    if publish:
        article.save_revision().publish()
    else:
        article.live = False
        article.save_revision()
        ArticlePage.objects.filter(pk=article.pk).update(live=False)
    return ArticlePage.objects.get(pk=article.pk)
