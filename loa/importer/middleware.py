"""Old links whose path is a live Loa page but whose query named an old item ("/?p=123") still redirect.

Wagtail's RedirectMiddleware only looks at 404s, and "/" is Loa's home page; this looks up the
redirects only for requests carrying one of IMPORTER_REDIRECT_QUERY_KEYS, so other pages pay nothing.
"""
from __future__ import annotations

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from . import conf


class QueryRedirectMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.keys = set(conf.get("IMPORTER_REDIRECT_QUERY_KEYS"))

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and self.keys.intersection(request.GET):
            path = Redirect.normalise_path(request.get_full_path())
            site = Site.find_for_request(request)
            redirect = Redirect.get_for_site(site).filter(old_path=path).first()
            if redirect is not None and redirect.link:
                kind = HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                return kind(redirect.link)
        return self.get_response(request)
