from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from loa.ads.models import Advertisement
from loa.core.cache import limit_cache_lifetime

register = template.Library()


@register.simple_tag(takes_context=True)
def ad_slot(context, key: str) -> str:
    """The ads currently showing in slot `key`, or nothing when there are none."""
    request = context.get("request")
    now = timezone.now()
    candidates = list(
        Advertisement.objects.filter(slot__key=key, is_active=True).select_related("image").order_by("sort_order", "id")
    )
    if request is not None:
        # A cached copy of this page must neither outlive an ad's end nor hide one about to start.
        future = [d for ad in candidates for d in (ad.start_at, ad.end_at) if d and d > now]
        limit_cache_lifetime(request, min(future, default=None))
    ads = [ad for ad in candidates if ad.is_showing(now)]
    if not ads:
        return ""
    return render_to_string("ads/slot.html", {"ads": ads, "slot_key": key}, request=request)
