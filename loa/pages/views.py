from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from taggit.models import Tag
from wagtail.models import Site

from .models import attach_categories, live_articles, paginate
from .text import fold

MAX_QUERY_LENGTH = 200


def query_param(request: HttpRequest, name: str, limit: int) -> str:
    """A GET parameter without control characters (PostgreSQL refuses NUL), trimmed and capped."""
    value = request.GET.get(name, "")
    return "".join(ch for ch in value if ch.isprintable() or ch == " ").strip()[:limit]


def search(request: HttpRequest) -> HttpResponse:
    """Article search that ignores diacritics and case; `?tag=slug` lists an article tag."""
    query = query_param(request, "q", MAX_QUERY_LENGTH)
    tag_slug = query_param(request, "tag", 100)
    tag = Tag.objects.filter(slug=tag_slug).first() if tag_slug else None
    site = Site.find_for_request(request)
    articles = live_articles()
    if site is not None:
        articles = articles.descendant_of(site.root_page, inclusive=True)
    if tag is not None:
        articles = articles.filter(tagged_items__tag=tag)
    results = None
    if query and fold(query):
        results = articles.search(fold(query), operator="and", order_by_relevance=True)
    elif tag is not None:
        results = articles
    page_obj = None
    if results is not None:
        page_obj = paginate(request, results)
        attach_categories(page_obj.object_list)
    extra = {k: v for k, v in (("q", query), ("tag", tag.slug if tag else "")) if v}
    return render(request, "pages/search.html", {
        "search_query": query,
        "tag": tag,
        "articles": page_obj,
        "extra_query": urlencode(extra),
    })


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and feed readers ask for without reading the page: the site icon."""
    response = HttpResponseRedirect(static("pages/icons/favicon-32.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
