"""The EMC monitoring script (an external <script src async> whose origin joins the CSP) and the footer contacts."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Site

from loa.operator.middleware import ScriptOriginMiddleware
from loa.operator.models import OperatorSettings, script_origin, validate_script_url
from loa.pages.demo.loader import ensure_roots
from loa.pages.tests.factories import make_home

EMC = "https://emc.example.gov.vn:8443/monitor/emc.js?site=abc"


@pytest.fixture
def operator(db):
    ensure_roots()
    home = make_home()
    home.save_revision().publish()
    settings = OperatorSettings.for_site(Site.objects.get(root_page=home))
    settings.emc_script_url = EMC
    settings.agency = "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
    settings.phone = "0272 3 000 000"
    settings.email = "vanphong@hdnd.example.vn"
    settings.save()
    return settings


def test_only_full_https_urls_are_accepted():
    validate_script_url(EMC)
    for bad in ("http://emc.example.vn/a.js", "javascript:alert(1)", "https://user:pw@emc.example.vn/a.js", "//emc/a.js"):
        with pytest.raises(ValidationError):
            validate_script_url(bad)
    assert script_origin(EMC) == "https://emc.example.gov.vn:8443"


def test_every_page_embeds_the_script_async_and_the_footer_contacts(client, operator):
    html = client.get("/").content.decode()
    assert f'<script src="{EMC.replace("&", "&amp;")}" async></script>' in html
    assert "Văn phòng Đoàn ĐBQH và HĐND tỉnh" in html and 'href="tel:02723000000"' in html
    assert 'href="mailto:vanphong@hdnd.example.vn"' in html


def test_the_template_tag_and_the_middleware_add_the_origin_for_the_csp(client, operator, settings):
    seen = []

    def capture(request):
        seen.append(list(getattr(request, "csp_extra_script_src", [])))
        return HttpResponse()

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    ScriptOriginMiddleware(capture)(request)
    assert seen == [["https://emc.example.gov.vn:8443"]]
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.csp_extra_script_src = ["https://other.example"]
    ScriptOriginMiddleware(capture)(request)
    assert seen[-1] == ["https://other.example", "https://emc.example.gov.vn:8443"]  # appended, not replaced
    # Through the whole stack, rendered and from the page cache: the origin is on the request both times.
    settings.LOA_PAGE_CACHE_SECONDS = 60
    from django.template import Context, Template

    rendered = RequestFactory().get("/", HTTP_HOST="localhost")
    Template("{% load operator_tags %}{% emc_script %}").render(Context({"request": rendered}))
    assert rendered.csp_extra_script_src == ["https://emc.example.gov.vn:8443"]
    from loa.core.cache import PageCacheMiddleware

    rendered_pages = []

    def page_view(request):
        rendered_pages.append(request.path)
        return HttpResponse("<p>trang</p>")

    chain = ScriptOriginMiddleware(PageCacheMiddleware(page_view))
    for _ in range(2):
        request = RequestFactory().get("/tin-tuc/", HTTP_HOST="localhost")
        response = chain(request)
        assert request.csp_extra_script_src == ["https://emc.example.gov.vn:8443"]
    assert rendered_pages == ["/tin-tuc/"] and response["X-Loa-Cache"] == "hit"


def test_no_script_without_a_url(client, operator):
    operator.emc_script_url = ""
    operator.save()
    assert "async></script>" not in client.get("/").content.decode()
