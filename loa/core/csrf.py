"""The page a visitor sees when a form's security token has expired (Django's CSRF check failed).

In Vietnamese, like 404/500, and it gives back what the visitor typed so nothing is lost: the text
fields of the refused post are shown, read-only, to the same visitor, with a link back to the form.
The answer is never cached and the values are never logged.
"""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

# Fields that are not the visitor's words: tokens, the honeypot, check boxes, passwords.
SKIPPED_FIELDS = {"csrfmiddlewaretoken", "form_token", "website", "consent", "next"}
LABELS = {
    "name": "Họ và tên", "email": "Thư điện tử", "phone": "Số điện thoại", "address": "Địa chỉ",
    "title": "Tiêu đề", "content": "Nội dung", "comment": "Ý kiến", "q": "Từ khóa",
}
MAX_FIELDS = 20
MAX_VALUE_CHARS = 20_000


def typed_values(request: HttpRequest) -> list[tuple[str, str]]:
    """(label, text) of what the visitor typed in the refused form, in the form's order."""
    typed = []
    for name, value in list(request.POST.items())[:MAX_FIELDS]:
        if name in SKIPPED_FIELDS or "password" in name or not value.strip():
            continue
        typed.append((LABELS.get(name, name), value[:MAX_VALUE_CHARS]))
    return typed


def form_address(request: HttpRequest) -> str:
    """Where the form was: the refused post's own path (forms post to themselves), else the home page."""
    path = request.path
    return path if url_has_allowed_host_and_scheme(path, allowed_hosts=None) else "/"


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    try:
        typed = typed_values(request) if request.method == "POST" else []
    except Exception:  # noqa: BLE001 - an unreadable body still gets the explanation
        typed = []
    response = render(request, "403_csrf.html", {"typed": typed, "form_url": form_address(request)}, status=403)
    add_never_cache_headers(response)
    return response
