"""Load the demo site: home, categories, articles, branding, ads, editorial workflow.

Runs once: if a HomePage exists the content is left alone, so editors' changes
survive restarts.
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.search import index as search_index

from loa.ads.models import AdSlot, Advertisement

from ..editorial import setup_editorial
from ..models import ArticlePage, CategoryPage, HomePage, SiteBranding
from . import content
from .convert import text_to_blocks


def demo_loaded() -> bool:
    return HomePage.objects.exists()


def load_image(filename: str, title: str, description: str):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    with open(content.IMAGES_DIR / filename, "rb") as handle:
        image = Image(title=title, description=description, file=ImageFile(handle, name=filename))
        image.save()
    return image


def article_blocks(article: content.DemoArticle) -> list[dict]:
    blocks = text_to_blocks(article.body_text)
    if article.quote:
        text, attribution = article.quote
        blocks.append({"type": "quote", "value": {"text": text, "attribution": attribution, "skip_reading": False}})
    return blocks


def publish(page: Page) -> None:
    page.save_revision().publish()


def create_article(parent: Page, article: content.DemoArticle) -> ArticlePage:
    page = ArticlePage(
        title=article.title,
        slug=article.slug,
        date=article.date,
        author=article.author,
        source=article.source,
        summary=article.summary,
        body=article_blocks(article),
    )
    if article.cover:
        filename, title, alt = article.cover
        page.cover_image = load_image(filename, title, alt)
    parent.add_child(instance=page)
    page.tags.add(*article.tags)
    publish(page)
    # The demo shows a past news history: make "published" match the article date.
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=article.date, last_published_at=article.date)
    return page


def ensure_roots() -> Page:
    """The tree root, default locale and root collection that Wagtail's migrations create
    (recreated if a test flushed the database)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    return root


def create_home() -> HomePage:
    root = ensure_roots()
    site = Site.objects.filter(is_default_site=True).first()
    # Wagtail's initial migration leaves a plain "Welcome" page as the site root.
    for page in root.get_children():
        if page.specific_class is Page:
            if site and site.root_page_id == page.pk:
                site.root_page = root
                site.save()
            page.delete()
    home = HomePage(title="Trang chủ", slug="trang-chu", seo_title=content.SITE_NAME)
    root.add_child(instance=home)
    publish(home)
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = content.SITE_NAME
    site.save()
    return home


def load_ads() -> None:
    slots = {}
    for key, name, description in content.SLOTS:
        slots[key], _ = AdSlot.objects.get_or_create(key=key, defaults={"name": name, "description": description})
    for filename, title, alt, url, slot, order in content.ADS:
        if Advertisement.objects.filter(title=title, slot=slots[slot]).exists():
            continue
        if url.startswith("/"):  # a page of the portal itself, at the address that mails link to
            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
        Advertisement.objects.create(
            title=title, slot=slots[slot], image=load_image(filename, f"Quảng cáo: {title}", alt),
            alt_text=alt, target_url=url, sort_order=order, is_active=True,
        )


@transaction.atomic
def load_demo() -> bool:
    """Create the demo site; False (and no change) when it is already there."""
    if demo_loaded():
        return False
    home = create_home()
    categories = {}
    for category in content.CATEGORIES:
        page = CategoryPage(title=category.title, slug=category.slug, intro=category.intro, show_in_menus=True)
        home.add_child(instance=page)
        publish(page)
        categories[category.slug] = page
    for article in sorted([content.SEED_ARTICLE, *content.NEWS], key=lambda a: a.date):
        create_article(categories[article.category], article)

    site = Site.objects.get(root_page=home)
    branding = SiteBranding.for_site(site)
    branding.site_name = content.SITE_NAME
    filename, title, alt = content.BANNER
    branding.banner = load_image(filename, title, alt)
    branding.banner_alt = alt
    branding.footer_text = content.FOOTER_HTML
    branding.save()

    load_ads()
    # Every app's demo content, in the hooks' order: committees, hỏi đáp, góp ý dự thảo, lịch công tác,
    # the office's contact details, the document library, delegates, sessions, giới thiệu pages.
    for load_app_demo in hooks.get_hooks("loa_load_demo"):
        load_app_demo(home)
    setup_editorial(home)
    # Index now rather than waiting for the task worker, so search works at once.
    for page in ArticlePage.objects.all():
        search_index.insert_or_update_object(page)
    return True
