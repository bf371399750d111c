"""The public endpoints: hit (beacon and image), listen, summary."""
from __future__ import annotations

import base64

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from loa.core.bots import is_bot
from loa.core.health import HEALTH_PATH
from loa.core.origin import origin_host, same_origin

from . import clock
from .backends import RecordedListen, RecordedView, get_collector
from .events import BadPayload, PageView, clean_path, parse_listen, parse_page_view
from .identity import identify
from .listens import bits_for, speed_label
from .newvisitors import admit
from .pages import counted_path
from .summary import get_summary

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _same_site_image(request: HttpRequest, host: str) -> bool:
    """An image request has no Origin: accept it when the browser says it came from our own page."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    return origin_host(request.META.get("HTTP_REFERER", "")) == host.lower()


def _record_view(request: HttpRequest, host: str, view: PageView) -> bool:
    """False only when the visitor is over a cap; bots and paths that are no live page are silently not counted."""
    if is_bot(request) or view.path == HEALTH_PATH:
        return True
    path = counted_path(view.path)
    if path is None:
        return True
    now = clock.now()
    visitor = identify(request, clock.local_day(now), host)
    if not admit(request, visitor.hash):
        return False
    return get_collector().record_view(RecordedView(visitor, now.timestamp(), path, view.referrer_host))


def hit_logic(request: HttpRequest) -> int:
    """The status of a beacon POST after counting it (or not)."""
    host = request.get_host()
    if not same_origin(request, host):
        return 403
    try:
        view = parse_page_view(request.body, host)
    except BadPayload:
        return 400
    return 204 if _record_view(request, host, view) else 429


@csrf_exempt
@require_POST
def hit(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=hit_logic(request))


@require_GET
@never_cache
def hit_image(request: HttpRequest) -> HttpResponse:
    """The <noscript> fallback: GET /api/stats/hit.gif?p=/path."""
    host = request.get_host()
    if not _same_site_image(request, host):
        return HttpResponse(status=403)
    try:
        view = PageView(clean_path(request.GET.get("p")), "")
    except BadPayload:
        return HttpResponse(status=400)
    if not _record_view(request, host, view):
        return HttpResponse(status=429)
    return HttpResponse(PIXEL, content_type="image/gif")


def listen_logic(request: HttpRequest) -> int:
    """The status of a player report after counting it (or not)."""
    host = request.get_host()
    if not same_origin(request, host):
        return 403
    try:
        report = parse_listen(request.body)
    except BadPayload:
        return 400
    if is_bot(request):
        return 204
    now = clock.now()
    visitor = identify(request, clock.local_day(now), host)
    if not admit(request, visitor.hash):
        return 429
    record = RecordedListen(visitor, now.timestamp(), report.page_id, bits_for(report), report.voice, speed_label(report.speed))
    return 204 if get_collector().record_listen(record) else 429


@csrf_exempt
@require_POST
def listen(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=listen_logic(request))


@require_GET
def summary(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(get_summary().as_dict())
    response["Cache-Control"] = "public, max-age=15"
    return response
