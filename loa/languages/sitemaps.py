"""The English section of the sitemap (/en/sitemap.xml): the English tree's live pages.

Wagtail's sitemap lists the site root's tree (Vietnamese); the English home is its translation,
a sibling tree, so it gets a sitemap of its own, named in robots.txt.
"""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from .locales import home_in, site_root


class EnglishSitemap(Sitemap):
    def items(self):
        root = site_root(self.request) or self.get_wagtail_site().root_page
        home = home_in(root, "en")
        if home is None:
            return []
        return home.get_descendants(inclusive=True).live().public().order_by("path").defer_streamfields().specific()


def english_sitemap(request: HttpRequest) -> HttpResponse:
    root = site_root(request)
    if root is None or home_in(root, "en") is None:
        raise Http404("Chưa có bản tiếng Anh.")
    return sitemap(request, sitemaps={"en": EnglishSitemap(request)})
