"""Admin › "Trang liên kết": the registered portals, with each one's snippet and figures."""
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import WidgetSite


class WidgetSiteViewSet(SnippetViewSet):
    model = WidgetSite
    icon = "link"
    menu_label = "Trang liên kết"
    menu_name = "trang-lien-ket"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "key", "origins", "articles", "audio_minutes", "plays", "completion", "active"]
    search_fields = ["name", "origins"]
    ordering = ["name"]


register_snippet(WidgetSiteViewSet)


@hooks.register("loa_stats_dashboard_panels")
def sites_panel(request, since) -> str:
    from loa.stats import clock

    from .figures import site_figures

    days = (clock.today() - since).days + 1
    return render_to_string("widget/admin/dashboard_sites.html", {"rows": site_figures(since), "days": days}, request)
