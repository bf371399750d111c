"""Admin: the "Kỳ họp" listing with khóa and dates, the site-search section, the demo."""
from __future__ import annotations

from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import SessionPage


class SessionPageListingViewSet(PageListingViewSet):
    model = SessionPage
    icon = "date"
    menu_label = "Kỳ họp"
    menu_order = 206
    add_to_admin_menu = True
    name = "ky_hop"

    @classproperty
    def columns(cls):
        extra = [
            Column("term", label="Khóa", accessor=lambda page: page.term.name),
            Column("number", label="Kỳ họp thứ", sort_key="number"),
            DateColumn("start_date", label="Ngày khai mạc", sort_key="start_date"),
        ]
        base = [col for col in super().columns if col.name not in ("parent", "type")]
        return base[:2] + extra + base[2:]


@hooks.register("register_admin_viewset")
def register_viewset():
    return SessionPageListingViewSet("ky_hop")


@hooks.register("loa_site_search")
def search_section(request, query: str, root) -> str:
    from .search import site_search_section

    return site_search_section(request, query, root)


@hooks.register("loa_load_demo", order=30)
def load_demo(home) -> None:
    from .demo.loader import load_sessions

    load_sessions(home)
