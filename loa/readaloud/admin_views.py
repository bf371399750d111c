"""Admin: "Tạo lại âm thanh" for one article (confirmation, then regeneration of every voice in use)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from .admin_status import voice_statuses
from .tasks import regenerate_page


def regenerate(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not page.live:
        messages.error(request, "Tin bài chưa được xuất bản nên chưa có âm thanh để tạo lại.")
        return redirect(next_url)
    if request.method == "POST":
        regenerate_page(page)
        messages.success(request, f"Đã yêu cầu tạo lại âm thanh cho “{page.title}”.")
        return redirect(next_url)
    return TemplateResponse(request, "readaloud/admin/confirm_regenerate.html", {
        "page": page,
        "rows": voice_statuses(page),
        "action_url": request.path,
        "next_url": next_url,
        "header_title": "Tạo lại âm thanh",
        "page_title": "Tạo lại âm thanh",
        "page_subtitle": page.get_admin_display_title(),
        "header_icon": "media",
    })
