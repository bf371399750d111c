from __future__ import annotations

from django.test import Client

from ..models import WidgetSite


def ask(client: Client, site: WidgetSite, url: str, origin: str | None = None, **params):
    headers = {"HTTP_ORIGIN": origin if origin is not None else site.origin_list()[0]}
    headers.update({name: params.pop(name) for name in list(params) if name.startswith("HTTP_")})
    query = {"site": site.key, "url": url, **params}
    return client.get("/api/widget/v1/narration", query, **headers)
