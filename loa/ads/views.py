from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from loa.core.bots import is_bot
from loa.core.origin import same_origin

from .models import Advertisement, http_url_validator

MAX_IDS_PER_BEACON = 50
_IDS_RE = re.compile(r"^\d{1,18}(,\d{1,18})*$")


@never_cache
@require_http_methods(["GET", "HEAD"])
def click(request: HttpRequest, ad_id: int) -> HttpResponse:
    """Redirect to the ad's stored URL (never one taken from the request); a GET from a person counts a click.

    Link checkers and crawlers (HEAD, known bots, prefetches) follow the redirect without counting.
    """
    target = Advertisement.objects.showing().filter(pk=ad_id).values_list("target_url", flat=True).first()
    if target is None:
        raise Http404("Không có quảng cáo này.")  # unknown, switched off, or outside its start/end window
    try:
        http_url_validator(target)  # stored URLs are validated on save; check again before redirecting
    except ValidationError:
        raise Http404("Quảng cáo có địa chỉ không hợp lệ.") from None
    if request.method == "GET" and not is_bot(request):
        Advertisement.objects.filter(pk=ad_id).update(clicks=F("clicks") + 1)
    return HttpResponseRedirect(target)


# The beacon carries no cookies or CSRF token (pages are cached and shared by
# every anonymous visitor); like the statistics beacons it must come from one of
# our pages (Origin), and it can only add one impression to ads that are showing.
@csrf_exempt
@require_POST
def impressions(request: HttpRequest) -> HttpResponse:
    if not same_origin(request):
        return HttpResponse(status=403)
    body = request.body[:2048].decode("ascii", "replace").strip()
    if not _IDS_RE.match(body):
        return HttpResponseBadRequest("invalid")
    if is_bot(request):
        return HttpResponse(status=204)
    ids = {int(part) for part in body.split(",")[:MAX_IDS_PER_BEACON]}
    Advertisement.objects.showing().filter(pk__in=ids).update(impressions=F("impressions") + 1)
    return HttpResponse(status=204)
