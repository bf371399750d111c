"""Admin › "Trang liên kết": the registered portals, with each one's snippet and figures."""
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
