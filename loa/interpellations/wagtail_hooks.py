"""Admin: the interpellations' listing; the site-search section; the delegate page's interpellations; the demo."""
from __future__ import annotations

from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from loa.core.search import every_word_match, search_section

from .models import InterpellationPage


class InterpellationListingViewSet(PageListingViewSet):
    model = InterpellationPage
    icon = "help"
    menu_label = "Chất vấn"
    name = "chat_van"
    menu_order = 209
    add_to_admin_menu = True

    @classproperty
    def columns(cls):
        extra = [
            Column("session", label="Kỳ họp", accessor=lambda page: page.session.title),
            Column("asker", label="Đại biểu chất vấn", accessor=lambda page: page.asker),
            Column("official_name", label="Người trả lời"),
        ]
        base = [col for col in super().columns if col.name not in ("parent", "type")]
        return base[:2] + extra + base[2:]


@hooks.register("register_admin_viewset")
def register_viewset():
    return InterpellationListingViewSet("chat_van")


def _interpellations():
    return InterpellationPage.objects.live().public().select_related("session").order_by("-session__start_date")


site_search_section = search_section("interpellations/includes/search_section.html", "items", _interpellations, 8,
                                     match=every_word_match)


@hooks.register("loa_site_search")
def search_interpellations(request, query: str, root) -> str:
    return site_search_section(request, query, root)


@hooks.register("loa_delegate_sections")
def delegate_interpellations(request, delegate) -> str:
    from django.template.loader import render_to_string

    items = (InterpellationPage.objects.live().public().filter(delegate=delegate)
             .select_related("session").order_by("-session__start_date"))
    return render_to_string("interpellations/includes/delegate_section.html", {"items": items}, request)


@hooks.register("loa_load_demo", order=60)
def load_demo(home) -> None:
    from .demo import load_interpellations_demo

    load_interpellations_demo(home)
