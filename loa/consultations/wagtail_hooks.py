"""Admin: "Góp ý dự thảo" menu with the comments (moderation, export) and the summary per draft."""
from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet

from loa.participation.submission_admin import SubmissionViewSet, submission_menu

from . import admin_views
from .admin_forms import CommentAdminForm, CommentDetailsPanel
from .records import DraftComment


class CommentFilterSet(WagtailFilterSet):
    class Meta:
        model = DraftComment
        fields = ["status", "draft"]


class CommentViewSet(SubmissionViewSet):
    model = DraftComment
    icon = "comment"
    menu_label = "Góp ý của người dân"
    refusal = "Góp ý chỉ được gửi qua biểu mẫu trên trang dự thảo."
    export_fields = ["reference", "created_at", "draft", "get_status_display", "section", "content", "note"]
    export_headings = {"get_status_display": "Trạng thái", "draft": "Dự thảo"}
    list_display = ["reference", "draft", "section", Column("get_status_display", label="Trạng thái", sort_key="status"),
                    "created_at"]
    filterset_class = CommentFilterSet
    search_fields = ["reference", "section", "content"]
    export_filename = "gop-y-du-thao"
    edit_handler = ObjectList([
        CommentDetailsPanel(heading="Góp ý người dân gửi"),
        FieldPanel("status", help_text="“Đã duyệt”: hiện trên trang dự thảo nếu dự thảo chọn công khai góp ý."),
        FieldPanel("note"),
    ], base_form_class=CommentAdminForm)


class SummaryMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


class SummaryViewSet(ViewSet):
    icon = "list-ul"
    menu_label = "Tổng hợp theo dự thảo"
    menu_item_class = SummaryMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.summary_index, name="index"),
            path("<int:page_id>/", admin_views.summary_detail, name="detail"),
            path("<int:page_id>/csv/", admin_views.summary_csv, name="csv"),
        ]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return submission_menu("Góp ý dự thảo", "comment", 320,
                           CommentViewSet("draft_comments"), SummaryViewSet("draft_summary"))


@hooks.register("loa_load_demo", order=3)
def load_demo(home) -> None:
    from loa.participation.demo import ensure_committees

    from .demo import load_consultations_demo

    load_consultations_demo(home, ensure_committees())
