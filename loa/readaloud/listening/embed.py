"""`/embed/<page_id>/`: a compact player that other sites put in an <iframe>, and the code to do so."""
from __future__ import annotations

from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from ..narration.readable import live_readable_page

EMBED_HEIGHT = 230  # px: title, transport, seek bar and options on one phone-width column


@xframe_options_exempt  # meant to be framed by any site (the CSP middleware allows any frame ancestor here)
@require_GET
def embed_player(request: HttpRequest, page_id: int) -> HttpResponse:
    page = live_readable_page(page_id)
    if page is None:
        raise Http404("Không có tin bài này.")
    path = page.get_url(request=request) or "/"
    try:
        stats_hit_url = reverse("stats:hit")
    except NoReverseMatch:
        stats_hit_url = ""
    return render(request, "readaloud/embed.html", {
        "page": page, "article_url": request.build_absolute_uri(path),
        "article_path": urlsplit(path).path,  # a view of the article, referred by the embedding site
        "stats_hit_url": stats_hit_url,
    })


def embed_code(request: HttpRequest, page) -> str:
    """The <iframe> an editor of another site pastes into a page."""
    src = request.build_absolute_uri(reverse("readaloud:embed", args=[page.pk]))
    return format_html(
        '<iframe src="{}" title="Nghe đọc bài: {}" width="100%" height="{}" loading="lazy" '
        'style="border:0;max-width:40rem" allow="autoplay; encrypted-media"></iframe>',
        src, page.title, EMBED_HEIGHT,
    )
