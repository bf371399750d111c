"""Admin: the council's committees (Cài đặt > Các ban của HĐND)."""
from __future__ import annotations

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Committee


class CommitteeViewSet(ModelViewSet):
    model = Committee
    icon = "group"
    menu_label = "Các ban của HĐND"
    add_to_settings_menu = True
    list_display = ["name", "email", "sort_order"]
    form_fields = ["name", "email", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CommitteeViewSet("committees")


@hooks.register("loa_load_demo", order=1)
def load_demo(home) -> None:
    from .demo import ensure_committees, setup_moderators

    ensure_committees()
    setup_moderators()
