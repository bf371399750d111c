"""/robots.txt: crawl the portal, not the admin or the APIs; the sitemaps are /sitemap.xml and /en/sitemap.xml."""
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

DISALLOWED = ("/admin/", "/django-admin/", "/api/", "/ads/", "/tim-kiem/")


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "",
             f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
             f"Sitemap: {request.build_absolute_uri('/en/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
