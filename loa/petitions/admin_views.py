"""Office work in the admin: the deadline list, recording a status step, the XLSX/CSV import with its preview."""
from __future__ import annotations

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.viewsets.base import ViewSet

from . import conf
from .deadlines import deadline_rows
from .importer import ImportFileError, check_rows, from_session, import_rows, read_table, to_session
from .pages import PetitionIndexPage
from .status import local_today

SESSION_KEY = "petitions_import"


def can_edit(request: HttpRequest) -> bool:
    return request.user.has_perm("petitions.change_petitionpage") or request.user.is_superuser


def deadlines_view(request: HttpRequest) -> HttpResponse:
    if not can_edit(request):
        raise PermissionDenied
    today = local_today()
    overdue, soon = deadline_rows(today, conf.get("PETITIONS_REMINDER_DAYS"))
    return TemplateResponse(request, "petitions/admin/deadlines.html", {
        "overdue": [(p, (today - p.deadline).days) for p in overdue],
        "soon": [(p, (p.deadline - today).days) for p in soon],
        "soon_days": conf.get("PETITIONS_REMINDER_DAYS"), "today": today,
    })


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp bảng tổng hợp (.xlsx hoặc .csv)",
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
                           help_text="Trang tính đầu tiên; dòng tiêu đề cột (có thể nằm dưới tên bảng) gồm: Số hiệu, Tiêu đề, Nội dung, Lĩnh vực, Địa bàn, "
                                     "Cơ quan trả lời, Kỳ họp, Số ý kiến, Ngày tiếp nhận, Ngày chuyển, Hạn trả lời, "
                                     "Trạng thái, Ngày trạng thái, Trả lời. Tên lĩnh vực, địa bàn, cơ quan phải có trong danh mục.")


def import_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("petitions.add_petitionpage") and not request.user.is_superuser:
        raise PermissionDenied
    index = PetitionIndexPage.objects.first()
    context: dict = {"index": index, "form": UploadForm()}
    if request.method == "POST" and "confirm" in request.POST:
        stored = request.session.get(SESSION_KEY)
        if not stored or stored.get("token") != request.POST.get("token") or index is None:
            messages.error(request, "Bản xem trước đã hết hạn; hãy tải tệp lên lại.")
            return redirect(reverse("petitions_import:index"))
        try:
            created = import_rows(index, from_session(stored["rows"]), request.user)
        except ValidationError as exc:
            messages.error(request, "Không nhập được: " + " ".join(exc.messages) + " Chưa có kiến nghị nào được nhập.")
            return redirect(reverse("petitions_import:index"))
        del request.session[SESSION_KEY]
        messages.success(request, f"Đã nhập {len(created)} kiến nghị từ {stored['filename']}.")
        return redirect(reverse("petitions_import:index"))
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = read_table(upload.read(), upload.name)
            except ImportFileError as exc:
                form.add_error("file", str(exc))
            else:
                checked = check_rows(rows)
                token = secrets.token_urlsafe(16)
                bad = [row for row in checked if row.errors]
                if not bad:
                    request.session[SESSION_KEY] = {"token": token, "rows": to_session(rows), "filename": upload.name}
                context.update({"checked": checked, "bad_count": len(bad), "token": token, "filename": upload.name})
    return TemplateResponse(request, "petitions/admin/import.html", context)


class DeadlineViewSet(ViewSet):
    name = "petitions_deadlines"
    icon = "time"
    menu_label = "Hạn trả lời"

    def get_urlpatterns(self):
        return [path("", deadlines_view, name="index")]


class ImportViewSet(ViewSet):
    name = "petitions_import"
    icon = "upload"
    menu_label = "Nhập từ Excel"

    def get_urlpatterns(self):
        return [path("", import_view, name="index")]
