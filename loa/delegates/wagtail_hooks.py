"""Admin: the "Đại biểu" menu (delegates listing, khóa, tổ đại biểu), the site-search section, the demo."""
from __future__ import annotations

from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import DelegatePage
from .terms import DelegationGroup, Term


class DelegatePageListingViewSet(PageListingViewSet):
    model = DelegatePage
    icon = "user"
    menu_label = "Danh sách đại biểu"
    name = "dai_bieu"

    @classproperty
    def columns(cls):
        extra = [
            Column("position", label="Chức vụ"),
            Column("group", label="Tổ đại biểu", accessor=lambda page: f"Tổ {page.group.number}"),
            Column("term", label="Khóa", accessor=lambda page: page.term.name),
        ]
        base = [col for col in super().columns if col.name not in ("parent", "type")]
        return base[:2] + extra + base[2:]


class TermViewSet(ModelViewSet):
    model = Term
    icon = "date"
    menu_label = "Khóa"
    name = "khoa"
    form_fields = ["number", "start_year", "end_year"]
    list_display = ["__str__", "number", "start_year", "end_year"]
    copy_view_enabled = False


class DelegationGroupViewSet(ModelViewSet):
    model = DelegationGroup
    icon = "group"
    menu_label = "Tổ đại biểu"
    name = "to_dai_bieu"
    form_fields = ["number", "area"]
    list_display = ["__str__", "number", "area"]
    search_fields = ["area"]
    copy_view_enabled = False


class DelegatesMenu(ModelViewSetGroup):
    menu_label = "Đại biểu"
    menu_icon = "group"
    menu_order = 207
    items = (DelegatePageListingViewSet("dai_bieu"), TermViewSet, DelegationGroupViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return DelegatesMenu()


@hooks.register("loa_site_search")
def search_section(request, query: str, root) -> str:
    from .search import site_search_section

    return site_search_section(request, query, root)


@hooks.register("loa_load_demo", order=20)
def load_demo(home) -> None:
    from .demo.loader import load_delegates

    load_delegates(home)
