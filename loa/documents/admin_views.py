"""Admin: extract a document's files again ("Trích xuất lại"): a confirmation, then the extraction is enqueued."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .admin_status import file_rows
from .models import DocumentPage
from .tasks import request_text


def extract_again(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(DocumentPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        for attachment in page.attachments.select_related("document"):
            if attachment.read_aloud:
                request_text(attachment.document, force=True)
        messages.success(request, "Đã yêu cầu trích xuất lại nội dung các tệp; trang sẽ cập nhật khi xong.")
        return redirect(next_url)
    return TemplateResponse(request, "documents/admin/confirm_extract.html", {
        "page": page,
        "rows": file_rows(page),
        "action_url": request.path,
        "next_url": next_url,
        "header_title": "Trích xuất lại nội dung tệp",
        "page_title": "Trích xuất lại nội dung tệp",
        "page_subtitle": page.get_admin_display_title(),
        "header_icon": "doc-full",
    })
