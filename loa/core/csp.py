"""Content-Security-Policy for every HTML answer (django-csp's middleware with Loa's rules).

- Public pages: CONTENT_SECURITY_POLICY in settings (`script-src 'self'`, no inline script,
  `object-src 'none'`, `frame-ancestors 'self'`).
- The Wagtail admin (LOA_CSP_ADMIN_PREFIXES) gets LOA_CSP_ADMIN_DIRECTIVES instead: some of
  its widgets still carry inline scripts.
- A view decorated with Django's `xframe_options_exempt` is meant to be embedded: its
  `frame-ancestors` is LOA_CSP_EMBED_FRAME_ANCESTORS (default `*`).
- Extra script origins: code rendering a page (e.g. a template tag for an operator-configured
  monitoring script) appends origins to `request.csp_extra_script_src` (or calls
  `allow_script_source`); they are read after the response is rendered and added to
  `script-src`. Anything that is not a plain http(s) origin is ignored.

The middleware sits inside the page cache, so a cached copy keeps the header it was made with.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

logger = logging.getLogger(__name__)
REQUEST_ATTRIBUTE = "csp_extra_script_src"
_HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def script_origin(value: object) -> str | None:
    """`scheme://host[:port]` of an http(s) URL or origin, or None for anything else (quotes, spaces, paths of
    keywords would let a setting widen or break the policy)."""
    if not isinstance(value, str) or len(value) > 300:
        return None
    try:
        parts = urlsplit(value.strip())
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or not _HOST_RE.match(host) or parts.username or parts.password:
        return None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def allow_script_source(request: HttpRequest, origin: str) -> bool:
    """Let the page being rendered load scripts from `origin`; False (and nothing added) if it is no origin."""
    cleaned = script_origin(origin)
    if cleaned is None:
        logger.warning("CSP: ignored a script source that is not an http(s) origin")
        return False
    sources = getattr(request, REQUEST_ATTRIBUTE, None)
    if sources is None:
        sources = []
        setattr(request, REQUEST_ATTRIBUTE, sources)
    sources.append(cleaned)
    return True


def _extra_origins(values: Iterable[object]) -> list[str]:
    origins = []
    for value in values:
        origin = script_origin(value)
        if origin is None:
            logger.warning("CSP: ignored a script source that is not an http(s) origin")
        elif origin not in origins:
            origins.append(origin)
    return origins


def embed_frame_ancestors() -> list[str]:
    """LOA_CSP_EMBED_FRAME_ANCESTORS as sources: `*`, `'self'` or http(s) origins (anything else is dropped)."""
    sources = []
    for value in settings.LOA_CSP_EMBED_FRAME_ANCESTORS:
        source = value if value in ("*", "'self'") else script_origin(value)
        if source and source not in sources:
            sources.append(source)
    return sources or ["'self'"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        setattr(request, REQUEST_ATTRIBUTE, [])

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith(tuple(settings.LOA_CSP_ADMIN_PREFIXES)):
            parts.config = default_config(settings.LOA_CSP_ADMIN_DIRECTIVES)
            return parts
        update = dict(parts.update or {})
        extra = _extra_origins(getattr(request, REQUEST_ATTRIBUTE, None) or ())
        if extra:
            update["script-src"] = list(update.get("script-src") or []) + extra
        parts.update = update
        if getattr(response, "xframe_options_exempt", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": embed_frame_ancestors()}
        return parts
