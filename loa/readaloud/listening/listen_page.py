"""`/nghe/`: the latest articles with their audio, each playable in place; the visitor's "Nghe sau" list."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from ..narration.audio_store import audio_url
from .episodes import current_narrations

PER_PAGE = 20


def listen_page(request: HttpRequest) -> HttpResponse:
    from loa.core.pagination import paginate
    from loa.pages.models import attach_categories, live_articles

    articles = live_articles()
    site = Site.find_for_request(request)
    if site is not None:
        articles = articles.descendant_of(site.root_page, inclusive=True)
    page_obj = paginate(request, articles, PER_PAGE)
    attach_categories(page_obj.object_list)
    ready = current_narrations(page_obj.object_list)
    for article in page_obj.object_list:
        narration = ready.get(article.pk)
        article.audio_url = audio_url(narration.audio_name) if narration else ""
        article.audio_duration = narration.duration if narration else 0
    try:
        stats_url = reverse("stats:listen")
    except NoReverseMatch:
        stats_url = ""
    return render(request, "readaloud/listen_page.html", {"articles": page_obj, "stats_url": stats_url})
