"""Admin: Cài đặt > Rà soát dữ liệu mở (review dates per dataset), and a dashboard notice when one is due."""
from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import DatasetReview, overdue_reviews, reviews


class DueColumn(Column):
    def get_value(self, instance):
        return "Đến hạn rà soát" if instance.review_due else "Còn hạn"


class ReviewIndexView(IndexView):
    def get_base_queryset(self):
        reviews()  # a dataset registered since the last visit gets its row
        return super().get_base_queryset()

    def get_add_url(self):
        return None  # one row per registered dataset, made here


class DatasetReviewViewSet(ModelViewSet):
    model = DatasetReview
    icon = "table"
    menu_label = "Rà soát dữ liệu mở"
    add_to_settings_menu = True
    index_view_class = ReviewIndexView
    copy_view_enabled = False
    list_display = [Column("__str__", label="Bộ dữ liệu"), "reviewed_on", "review_by", DueColumn("due", label="Tình trạng")]
    search_backend_name = None
    ordering = ["review_by"]
    edit_handler = ObjectList([FieldPanel("reviewed_on"), FieldPanel("review_by"), FieldPanel("note")])


class ReviewDuePanel(Component):
    order = 120

    def render_html(self, parent_context=None) -> str:
        due = overdue_reviews()
        if not due:
            return ""
        return format_html(
            '<section class="panel"><p class="help-block help-warning">{} bộ dữ liệu mở đến hạn rà soát: {}. '
            '<a href="{}">Rà soát</a></p></section>',
            len(due), ", ".join(str(review) for review in due), reverse("opendata_reviews:index"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return DatasetReviewViewSet("opendata_reviews")


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels) -> None:
    if request.user.has_perm("opendata.change_datasetreview"):
        panels.append(ReviewDuePanel())
