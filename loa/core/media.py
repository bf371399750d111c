"""Serve uploaded images from MEDIA_ROOT when no front web server does it."""
from __future__ import annotations

import posixpath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve

# Documents are left out on purpose: /documents/<id>/ enforces their privacy settings.
PUBLIC_MEDIA_DIRS = frozenset({"original_images", "images", "avatar_images"})


def serve_public_media(request: HttpRequest, path: str) -> HttpResponse:
    normalized = posixpath.normpath(path).lstrip("/")
    top = normalized.split("/", 1)[0]
    if normalized.startswith("..") or top not in PUBLIC_MEDIA_DIRS or normalized == top:
        raise Http404("Không có tệp này.")
    response = serve(request, normalized, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response
