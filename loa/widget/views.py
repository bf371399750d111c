"""The widget's HTTP side: the two scripts, the site's settings, a page's narration, the visitor box, listens.

Every API answer checks the request's `Origin` against the site's registered origins first
(403, nothing fetched, nothing stored otherwise) and names only that origin in CORS headers.
The browser never sends text to read: only the page's URL, which must belong to the site, and
Loa fetches that page itself.
"""
from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from loa.core.bots import is_bot
from loa.core.ratelimit import client_over_limit
from loa.core.safe_fetch import origin_of
from loa.readaloud.service import NarrationState, audio_url, read_progress, stream_url
from loa.stats import conf as stats_conf

from . import conf, counting
from .models import WidgetPage, WidgetSite
from .narrate import request_narration
from .pages import PageRefused, check_page_url, current_page
from .site_voices import default_voice, offered

STATIC = Path(__file__).parent / "static" / "widget"
JSON_OPTIONS = {"ensure_ascii": False, "separators": (",", ":")}
PUBLIC_STATUS = {"pending": "pending", "running": "pending", "retrying": "pending", "ready": "ready",
                 "failed": "failed"}
MAX_BODY = 4096


# -- the scripts -------------------------------------------------------------------------------

@cache
def _script(name: str, mtime: float) -> tuple[bytes, bytes]:
    data = (STATIC / name).read_bytes()
    return data, gzip.compress(data, 9, mtime=0)


def _serve_script(request: HttpRequest, name: str) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    path = STATIC / name
    plain, packed = _script(name, path.stat().st_mtime)
    gzipped = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    response = HttpResponse(packed if gzipped else plain, content_type="text/javascript; charset=utf-8")
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"  # a script has no secrets; lets hosts use SRI/crossorigin
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def player_script(request: HttpRequest) -> HttpResponse:
    return _serve_script(request, "v1.js")


def stats_script(request: HttpRequest) -> HttpResponse:
    return _serve_script(request, "stats.js")


# -- helpers -----------------------------------------------------------------------------------

def _json(data: dict, status: int = 200, origin: str = "") -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params=JSON_OPTIONS)
    response["Cache-Control"] = "no-cache"
    response["Vary"] = "Origin"
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Max-Age"] = "600"
    return response


def _error(status: int, code: str, message: str, origin: str = "", **extra) -> JsonResponse:
    return _json({"status": code, "error": message, **extra}, status=status, origin=origin)


def _site_and_origin(request: HttpRequest, key: str) -> tuple[WidgetSite | None, str, JsonResponse | None]:
    """The active site of `key` and the request's Origin if the site registered it, else an error answer."""
    site = WidgetSite.objects.filter(key=key[:32], active=True).first() if key else None
    if site is None:
        return None, "", _error(404, "unknown_site", "Mã trang liên kết không đúng hoặc đã ngừng.")
    origin = origin_of(request.META.get("HTTP_ORIGIN", ""))
    if not origin or origin not in site.origin_list():
        return None, "", _error(403, "origin", "Trang này chưa được đăng ký dùng Loa.")
    return site, origin, None


def _preflight(request: HttpRequest) -> HttpResponse | None:
    if request.method != "OPTIONS":
        return None
    key = request.GET.get("site", "")
    site, origin, error = _site_and_origin(request, key)
    if error:
        return error
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = origin
    response["Access-Control-Allow-Methods"] = "GET, POST"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Access-Control-Max-Age"] = "600"
    response["Vary"] = "Origin"
    return response


def _over_client_limit(request: HttpRequest) -> int | None:
    return client_over_limit(request, "widget", int(conf.get("WIDGET_CLIENT_RATE_LIMIT")),
                             int(conf.get("WIDGET_CLIENT_RATE_WINDOW")))


# -- GET /api/widget/v1/site?site=KEY ------------------------------------------------------------

def site_settings(request: HttpRequest) -> HttpResponse:
    site, origin, error = _site_and_origin(request, request.GET.get("site", ""))
    if error:
        return error
    voices = [{"id": v.id, "name": v.name} for v in offered(site)]
    response = _json({"name": site.name, "voices": voices, "default_voice": default_voice(site)}, origin=origin)
    response["Cache-Control"] = "public, max-age=60"
    return response


# -- GET /api/widget/v1/narration?site=KEY&url=PAGE&voice=ID ----------------------------------

def narration(request: HttpRequest) -> HttpResponse:
    """The page's audio in one voice, like the read-aloud API, plus the block texts to find in the DOM."""
    if request.method not in ("GET", "HEAD"):
        return _preflight(request) or _error(405, "method", "Chỉ hỗ trợ GET.")
    site, origin, error = _site_and_origin(request, request.GET.get("site", ""))
    if error:
        return error
    try:
        url = check_page_url(site, request.GET.get("url", ""))
    except PageRefused as exc:
        return _error(exc.status, exc.code, exc.message, origin)
    voice_id = request.GET.get("voice") or default_voice(site)
    if voice_id not in {voice.id for voice in offered(site)}:
        return _error(400, "voice", "Giọng đọc này không có trên trang.", origin,
                      valid_voices=[voice.id for voice in offered(site)])
    retry_after = _over_client_limit(request)
    if retry_after is not None:
        response = _error(429, "rate_limit", f"Quá nhiều yêu cầu; thử lại sau {retry_after} giây.", origin)
        response["Retry-After"] = str(retry_after)
        return response
    try:
        page = current_page(site, url)
    except PageRefused as exc:
        response = _error(exc.status, exc.code, exc.message, origin)
        if exc.status == 429:
            response["Retry-After"] = "60"
        return response
    if page.status != "ok" or not page.units:
        return _error(422, page.status, page.error or "Trang này không có bài để đọc.", origin)
    made = request_narration(page, voice_id)
    data = narration_json(request, page, made)
    etag = f'"{made.key[:40]}-{made.state}"'
    if data["status"] == "ready" and request.META.get("HTTP_IF_NONE_MATCH") == etag:
        response = HttpResponse(status=304)
        response["Access-Control-Allow-Origin"] = origin
        response["Vary"] = "Origin"
        return response
    response = _json(data, origin=origin)
    if data["status"] == "ready":
        response["ETag"] = etag
        response["Access-Control-Expose-Headers"] = "ETag"
    return response


def narration_json(request: HttpRequest, page: WidgetPage, made) -> dict:
    status = PUBLIC_STATUS[made.state]
    if status == "ready" and not made.is_ready:
        status = "pending"
    ready = status == "ready"
    data = {
        "page": page.pk, "url": page.url, "title": page.title, "voice": made.voice, "status": status,
        "duration": made.duration if ready else None,
        "audio_url": request.build_absolute_uri(audio_url(made.audio_name)) if ready else None,
        "audio_size": made.audio_size if ready else None,
        "sentences": made.sentences if ready else [],
        "blocks": page.blocks,
        "truncated": page.truncated,
    }
    if status == "pending":
        data["retry_after"] = 1
        progress = read_progress(made.key) if made.state == NarrationState.RUNNING else None
        if progress is not None and not progress.finished:
            data["progress"] = {"done": progress.done, "total": progress.total}
            data["sentences"] = progress.sentences
            if progress.done:
                data["stream_url"] = request.build_absolute_uri(stream_url(made.key))
        else:
            data["retry_after"] = 0.3
    if status == "failed":
        data["error"] = "Không tạo được âm thanh cho bài này."
    return data


# -- POST /api/widget/v1/hit, /api/widget/v1/listen, GET /api/widget/v1/summary ------------------------

def _body(request: HttpRequest) -> dict | None:
    if len(request.body) > MAX_BODY:
        return None
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


@csrf_exempt  # reads no cookie; the Origin check is what admits a request
def hit(request: HttpRequest) -> HttpResponse:
    """A page view of the site (text/plain JSON `{"url"}`, no preflight); answers the box's four numbers."""
    if request.method != "POST":
        return _preflight(request) or _error(405, "method", "Chỉ hỗ trợ POST.")
    site, origin, error = _site_and_origin(request, request.GET.get("site", ""))
    if error:
        return error
    data = _body(request)
    if data is None or not isinstance(data.get("url"), str) or origin_of(data["url"]) not in site.origin_list():
        return _error(400, "bad_request", "Yêu cầu không hợp lệ.", origin)
    if not is_bot(request):
        retry_after = client_over_limit(request, "widget-hit", int(stats_conf.get("STATS_MAX_HITS_PER_MINUTE")), 60)
        if retry_after is not None:
            return _error(429, "rate_limit", "Quá nhiều yêu cầu.", origin)
        counting.record_view(request, site)
    return _json(counting.box(site).as_dict(), origin=origin)


def summary(request: HttpRequest) -> HttpResponse:
    site, origin, error = _site_and_origin(request, request.GET.get("site", ""))
    if error:
        return error
    return _json(counting.box(site).as_dict(), origin=origin)


@csrf_exempt
def listen(request: HttpRequest) -> HttpResponse:
    """The player's report: `{"page", "event": "play"|"listen"|"ended"}` (text/plain JSON)."""
    if request.method != "POST":
        return _preflight(request) or _error(405, "method", "Chỉ hỗ trợ POST.")
    site, origin, error = _site_and_origin(request, request.GET.get("site", ""))
    if error:
        return error
    data = _body(request)
    page_id, kind = (data or {}).get("page"), (data or {}).get("event")
    if isinstance(page_id, bool) or not isinstance(page_id, int) or kind not in ("play", "listen", "ended"):
        return _error(400, "bad_request", "Yêu cầu không hợp lệ.", origin)
    page = WidgetPage.objects.filter(site=site, pk=page_id).first()
    if page is None:
        return _error(404, "unknown_page", "Không có trang này.", origin)
    limit = int(stats_conf.get("STATS_MAX_HITS_PER_MINUTE"))
    if not is_bot(request) and client_over_limit(request, "widget-listen", limit, 60) is None:
        counting.record_listen(request, site, page, kind)
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = origin
    response["Vary"] = "Origin"
    return response
