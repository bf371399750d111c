"""The site's URLs plus three small views for the CSP tests: an embeddable page, a page whose template asks
for an extra script origin, and one that asks for things that are no origin."""
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.clickjacking import xframe_options_exempt

from loa.site.urls import urlpatterns as site_urlpatterns


def _page(request, source: str):
    return TemplateResponse(request, engines["django"].from_string(source), {})


@xframe_options_exempt
def embeddable(request):
    return _page(request, "<!DOCTYPE html><title>Trình phát nhúng</title><p>nhúng</p>")


def with_monitoring(request):
    return _page(request, '{% load loa_csp %}<!DOCTYPE html><title>Có mã giám sát</title>'
                          '{% csp_allow_script "https://emc.example.gov.vn/script/emc.js" %}'
                          '<script src="https://emc.example.gov.vn/script/emc.js" defer></script>')


def with_hostile_sources(request):
    request.csp_extra_script_src += ["'unsafe-inline'", "https://a.example; script-src *", "*", "javascript:x",
                                     "https://ok.example:8443/x.js", "data:", "http://user:pw@b.example/"]
    return _page(request, "<!DOCTYPE html><title>Nguồn lạ</title>")


urlpatterns = [
    path("csp-test/embed/", embeddable),
    path("csp-test/emc/", with_monitoring),
    path("csp-test/hostile/", with_hostile_sources),
] + site_urlpatterns
