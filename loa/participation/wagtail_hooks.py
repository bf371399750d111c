"""Admin: the council's committees (Cài đặt > Các ban của HĐND) and citizens' personal-data requests."""
from __future__ import annotations

from django import forms
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from . import rights
from .models import Committee, DataRequest, RequestKind, RequestStatus
from .submission_admin import NoCreateView, SortedListViewSet, SubmissionAdminForm


class CommitteeViewSet(SortedListViewSet):
    model = Committee
    icon = "group"
    menu_label = "Các ban của HĐND"
    add_to_settings_menu = True
    list_display = ["name", "email", "sort_order"]
    form_fields = ["name", "email", "sort_order"]


class DataRequestForm(SubmissionAdminForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == RequestStatus.REFUSED and not (cleaned.get("note") or "").strip():
            self.add_error("note", "Nêu lý do từ chối theo quy định.")
        if cleaned.get("status") == RequestStatus.OPEN and self.instance.status != RequestStatus.OPEN:
            raise forms.ValidationError("Yêu cầu đã xử lý không mở lại được.")
        return cleaned

    def moderate(self, request, user):
        if "status" in self.changed_data and request.status == RequestStatus.DONE:
            rights.fulfil(request)  # a deletion request deletes the submission here
        elif "status" in self.changed_data:
            request.handled_at = timezone.now()
        return super().moderate(request, user)


class OverdueColumn(Column):
    def get_value(self, instance):
        return "Quá hạn" if instance.overdue else ""


class DataRequestViewSet(ModelViewSet):
    model = DataRequest
    icon = "warning"
    menu_label = "Yêu cầu về dữ liệu cá nhân"
    add_to_settings_menu = True
    add_view_class = NoCreateView
    copy_view_enabled = False
    list_display = ["reference", "kind", "received_at", "due_at", "status", OverdueColumn("overdue", label="Hạn")]
    list_filter = ["status", "kind"]
    search_fields = ["reference"]
    search_backend_name = None
    ordering = ["-received_at"]
    edit_handler = ObjectList([
        FieldPanel("status", help_text=f"“Đã thực hiện” cho một yêu cầu “{RequestKind.DELETE.label}” xoá ngay nội "
                                       "dung người dân đã gửi (và trang công bố của nó)."),
        FieldPanel("note"),
    ], base_form_class=DataRequestForm)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [CommitteeViewSet("committees"), DataRequestViewSet("personal_data_requests")]


@hooks.register("loa_load_demo", order=1)
def load_demo(home) -> None:
    from .demo import ensure_committees, setup_moderators

    ensure_committees()
    setup_moderators()
