"""Admin: "Lịch công tác", one item per week."""
from __future__ import annotations

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_forms import WorkWeekForm
from .records import WorkWeek


class WorkWeekViewSet(ModelViewSet):
    model = WorkWeek
    icon = "date"
    menu_label = "Lịch công tác"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["__str__", "published", "published_at", "updated_at"]
    list_filter = ["published", "year"]
    ordering = ["-year", "-week"]
    search_fields = ["note", "entries__content"]
    search_backend_name = None
    edit_handler = ObjectList(WorkWeek.panels, base_form_class=WorkWeekForm)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return WorkWeekViewSet("work_weeks")


@hooks.register("loa_load_demo", order=4)
def load_demo(home) -> None:
    from .demo import load_schedule_demo

    load_schedule_demo(home)
