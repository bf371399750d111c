"""Query parameters as views may use them."""
from __future__ import annotations

from django.http import HttpRequest


def query_param(request: HttpRequest, name: str, limit: int) -> str:
    """A GET parameter without control characters (PostgreSQL refuses NUL), trimmed and capped."""
    value = request.GET.get(name, "")
    return "".join(ch for ch in value if ch.isprintable() or ch == " ").strip()[:limit]
