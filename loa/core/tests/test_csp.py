"""Content-Security-Policy: strict on public pages, laxer in the admin, the embedding and extra-script hooks,
and no template with inline script, event handler or style attribute."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from loa.core.cache import CACHE_HEADER
from loa.pages.tests.factories import make_article, make_category, make_home

pytestmark = pytest.mark.django_db
LOA = Path(__file__).resolve().parents[2]


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def article(db):
    return make_article(make_category(make_home()), title="Tin có chính sách bảo mật nội dung")


def test_public_pages_allow_only_this_sites_scripts(client, article):
    for url in ("/", article.url, "/tim-kiem/?q=hoi", "/khong-co-trang-nay/"):
        response = client.get(url)
        csp = policy(response)
        assert csp["script-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'self'"]
        assert csp["style-src"] == ["'self'"] and csp["base-uri"] == ["'self'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_admin_has_its_own_laxer_policy(client, django_user_model):
    login = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in login["script-src"]
    assert login["object-src"] == ["'none'"] and login["frame-ancestors"] == ["'self'"]
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x"))
    assert "'unsafe-inline'" in policy(client.get("/admin/"))["script-src"]


@pytest.mark.urls("loa.core.tests.csp_urls")
def test_a_view_meant_to_be_embedded_may_be_framed_by_anyone(client, article):
    embedded = client.get("/csp-test/embed/")
    assert policy(embedded)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in embedded
    assert policy(client.get(article.url))["frame-ancestors"] == ["'self'"]
    assert client.get(article.url)["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.urls("loa.core.tests.csp_urls")
def test_embedding_can_be_limited_to_listed_origins(client, settings):
    settings.LOA_CSP_EMBED_FRAME_ANCESTORS = ["https://a.gov.vn", "https://b.gov.vn/x", "'none'; script-src *"]
    assert policy(client.get("/csp-test/embed/"))["frame-ancestors"] == ["https://a.gov.vn", "https://b.gov.vn"]


@pytest.mark.urls("loa.core.tests.csp_urls")
def test_a_template_can_add_a_script_origin_and_cached_copies_keep_it(client, settings):
    from django.core.cache import cache

    settings.LOA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    first = client.get("/csp-test/emc/")
    assert policy(first)["script-src"] == ["'self'", "https://emc.example.gov.vn"]
    again = client.get("/csp-test/emc/")
    assert again[CACHE_HEADER] == "hit"
    assert policy(again)["script-src"] == ["'self'", "https://emc.example.gov.vn"]
    assert policy(client.get("/"))["script-src"] == ["'self'"]  # only the page that asked
    cache.clear()


@pytest.mark.urls("loa.core.tests.csp_urls")
def test_sources_that_are_not_plain_origins_are_ignored(client):
    csp = policy(client.get("/csp-test/hostile/"))
    assert csp["script-src"] == ["'self'", "https://ok.example:8443"]
    assert csp["object-src"] == ["'none'"]


def test_hsts_is_sent_on_https_when_configured(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/tim-kiem/", HTTP_X_FORWARDED_PROTO="https")["Strict-Transport-Security"] == "max-age=31536000"


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def test_no_template_has_inline_script_event_handlers_or_style_attributes():
    found = []
    for template in sorted(LOA.rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for name, pattern in (("inline script", INLINE_SCRIPT), ("event handler", EVENT_HANDLER),
                              ("style attribute", STYLE_ATTRIBUTE)):
            found += [f"{template.relative_to(LOA)}: {name}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    assert found == []
