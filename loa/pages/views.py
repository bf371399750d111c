from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from taggit.models import Tag
from wagtail import hooks
from wagtail.models import Site

from loa.core.pagination import paginate
from loa.core.params import query_param
from loa.core.text import fold, search_words

from .models import attach_categories, live_articles

MAX_QUERY_LENGTH = 200

logger = logging.getLogger(__name__)


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
    words = search_words(fold(query))
    page_obj = None
    if words:
        page_obj = _search_page(request, articles, words)
    elif tag is not None:
        page_obj = paginate(request, articles)
        attach_categories(page_obj.object_list)
    # Other apps' sections (documents, sessions, delegates): each hook returns HTML, or "" for nothing found.
    root = site.root_page if site else None
    sections = [_section(fn, request, query, root) for fn in hooks.get_hooks("loa_site_search")] if query else []
    extra = {k: v for k, v in (("q", query), ("tag", tag.slug if tag else "")) if v}
    return render(request, "pages/search.html", {
        "search_query": query,
        "tag": tag,
        "articles": page_obj,
        "extra_query": urlencode(extra),
        "sections": [section for section in sections if section],
    })


def _section(hook, request: HttpRequest, query: str, root) -> str:
    """One app's search section (HTML); a database error there is logged and shows nothing, not a 500."""
    try:
        with transaction.atomic():
            return hook(request, query, root)
    except DatabaseError:
        logger.exception("search section %s failed", getattr(hook, "__module__", hook))
        return ""


def _search_page(request: HttpRequest, articles, words: str) -> PaginatorPage:
    """The requested page of results; a database error in the search is logged and gives no results, not a 500."""
    try:
        with transaction.atomic():  # a savepoint: a failed search leaves the connection usable (PostgreSQL)
            page_obj = paginate(request, articles.search(words, operator="and", order_by_relevance=True))
            page_obj.object_list = list(page_obj.object_list)
    except DatabaseError:
        logger.exception("search failed for a query of %d words", len(words.split()))
        return Paginator([], 1).get_page(1)
    attach_categories(page_obj.object_list)
    return page_obj


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and feed readers ask for without reading the page: the site icon."""
    response = HttpResponseRedirect(static("pages/icons/favicon-32.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
