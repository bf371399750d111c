import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from loa.core.health import healthz
from loa.core.media import serve_public_media

from .api import api_router
from .robots import robots_txt

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # monitoring: never cached, never counted
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("ads/", include("loa.ads.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("", include("loa.widget.urls")),  # /widget/v1.js, /widget/v1/stats.js, /api/widget/v1/...
    path("", include("loa.participation.urls")),  # /du-lieu-ca-nhan/
    path("", include("loa.opendata.urls")),  # /du-lieu-mo/
    path("", include("loa.pages.urls")),
    path("", include("loa.stats.urls")),  # /api/stats/...
    # /api/readaloud/..., /v1/audio/speech, /podcast.xml, /nghe/, /readaloud/audio/<hash>.mp3
    path("", include("loa.readaloud.urls")),
]

if settings.LOA_SERVE_MEDIA:
    # Uploaded images (banner, ads, renditions, avatars) for a box without a front
    # web server; set LOA_SERVE_MEDIA=0 when nginx or a CDN serves them.  Documents
    # are left out on purpose: they go through /documents/, which enforces privacy.
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_public_media)
    )

# Pages: Vietnamese at the root, English under /en/ (the English tree is the home page's translation).
urlpatterns += [path("", include("loa.languages.urls"))]  # /en/sitemap.xml
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
