"""Admin summary of the comments per draft ("Tổng hợp góp ý") and its CSV export."""
from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from loa.core.tabular import CSV_BOM, neutralize

from .pages import DraftPage
from .records import CommentStatus

PERMISSION = "consultations.change_draftcomment"
PERSONAL_PERMISSION = "consultations.view_personal_data"


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def with_counts(queryset):
    return queryset.annotate(
        total=Count("comments"),
        pending=Count("comments", filter=Q(comments__status=CommentStatus.RECEIVED)),
        approved=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)),
        rejected=Count("comments", filter=Q(comments__status=CommentStatus.REJECTED)),
    )


def summary_index(request: HttpRequest) -> HttpResponse:
    _require(request)
    drafts = with_counts(DraftPage.objects.all()).select_related("committee").order_by("-closes_at")
    return TemplateResponse(request, "consultations/admin/summary_index.html", {
        "drafts": drafts, "now": timezone.now(), "page_title": "Tổng hợp góp ý dự thảo",
    })


def summary_detail(request: HttpRequest, page_id: int) -> HttpResponse:
    _require(request)
    draft = get_object_or_404(with_counts(DraftPage.objects.all()).select_related("committee"), pk=page_id)
    sections = (draft.comments.exclude(status=CommentStatus.REJECTED).values("section")
                .annotate(count=Count("id")).order_by("-count", "section"))
    return TemplateResponse(request, "consultations/admin/summary_detail.html", {
        "draft": draft, "sections": sections, "page_title": f"Tổng hợp góp ý: {draft.title}",
        "comments": draft.comments.order_by("created_at"),
        "personal": request.user.has_perm(PERSONAL_PERMISSION),
    })


class _Echo:
    def write(self, value: str) -> str:
        return value


def export_rows(draft: DraftPage, personal: bool):
    header = ["Mã số", "Ngày gửi", "Trạng thái", "Điều, khoản", "Nội dung góp ý", "Ghi chú của Văn phòng"]
    if personal:
        header += ["Họ và tên", "Thư điện tử", "Số điện thoại", "Địa chỉ"]
    yield header
    for comment in draft.comments.order_by("created_at"):
        row = [comment.reference, timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M"),
               comment.get_status_display(), comment.section, comment.content, comment.note]
        if personal:
            row += [comment.name, comment.email, comment.phone, comment.address]
        yield [neutralize(value) for value in row]


def summary_csv(request: HttpRequest, page_id: int) -> StreamingHttpResponse:
    _require(request)
    draft = get_object_or_404(DraftPage, pk=page_id)
    writer = csv.writer(_Echo())
    personal = request.user.has_perm(PERSONAL_PERMISSION)

    def stream():
        yield CSV_BOM
        for row in export_rows(draft, personal):
            yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="gop-y-du-thao-{draft.pk}.csv"'
    return response


