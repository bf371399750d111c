"""Allow the EMC script's origin in the CSP of every page, including pages the page cache answers.

`{% emc_script %}` adds the origin to `request.csp_extra_script_src` while a page renders; a
page served from the cache is not rendered, so this middleware (placed before the page cache)
adds it for every request. The origin is looked up once per site and content version (saving
the setting bumps the version), so a request costs one dictionary look-up.
"""
from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from wagtail.models import Site

from loa.core.cache import content_version

from .models import OperatorSettings
from .templatetags.operator_tags import allow_script_origin

SKIPPED_PREFIXES = ("/static/", "/media/", "/readaloud/", "/api/", "/v1/", "/healthz", "/admin/")


class ScriptOriginMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self._origins: dict[tuple[int, str], str] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(SKIPPED_PREFIXES):
            allow_script_origin(request, self.origin_for(request))
        return self.get_response(request)

    def origin_for(self, request: HttpRequest) -> str:
        try:
            key = (content_version(), request.get_host())
        except DisallowedHost:
            return ""
        if key not in self._origins:
            try:
                site = Site.find_for_request(request)
                origin = OperatorSettings.for_site(site).emc_origin if site else ""
            except DatabaseError:  # e.g. before `migrate`: no script, and ask again next time
                return ""
            if len(self._origins) > 100:
                self._origins.clear()
            self._origins[key] = origin
        return self._origins[key]
