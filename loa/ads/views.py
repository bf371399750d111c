from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Advertisement, http_url_validator

MAX_IDS_PER_BEACON = 50
_IDS_RE = re.compile(r"^\d{1,18}(,\d{1,18})*$")


@never_cache
def click(request: HttpRequest, ad_id: int) -> HttpResponse:
    """Count a click and redirect to the ad's stored URL (never one taken from the request)."""
    target = Advertisement.objects.filter(pk=ad_id, is_active=True).values_list("target_url", flat=True).first()
    if target is None:
        raise Http404("Không có quảng cáo này.")
    try:
        http_url_validator(target)  # stored URLs are validated on save; check again before redirecting
    except ValidationError:
        raise Http404("Quảng cáo có địa chỉ không hợp lệ.") from None
    Advertisement.objects.filter(pk=ad_id).update(clicks=F("clicks") + 1)
    return HttpResponseRedirect(target)


# The beacon carries no cookies or CSRF token (pages are cached and shared by
# every anonymous visitor); it can only add one impression to existing ads.
@csrf_exempt
@require_POST
def impressions(request: HttpRequest) -> HttpResponse:
    body = request.body[:2048].decode("ascii", "replace").strip()
    if not _IDS_RE.match(body):
        return HttpResponseBadRequest("invalid")
    ids = {int(part) for part in body.split(",")[:MAX_IDS_PER_BEACON]}
    Advertisement.objects.filter(pk__in=ids, is_active=True).update(impressions=F("impressions") + 1)
    return HttpResponse(status=204)
