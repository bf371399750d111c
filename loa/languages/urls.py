from django.urls import path

from .sitemaps import english_sitemap

urlpatterns = [
    path("en/sitemap.xml", english_sitemap, name="english_sitemap"),
]
