"""Admin: the "Từ điển phát âm" snippet and the regenerate view of the article editor's audio panel."""
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .editors import views as editor_views
from .editors import voice_packs
from .models import PronunciationEntry


class PronunciationViewSet(SnippetViewSet):
    model = PronunciationEntry
    icon = "openquote"
    menu_label = "Từ điển phát âm"
    menu_name = "tu-dien-phat-am"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["written", "spoken", "note", "updated_at"]
    search_fields = ["written", "spoken"]
    ordering = ["written"]


register_snippet(PronunciationViewSet)


admin_urls = (
    [
        path("pages/<int:page_id>/regenerate/", editor_views.regenerate, name="regenerate"),
        path("voices/", voice_packs.voice_settings, name="voices"),
        path("reading/fix/", editor_views.fix_reading, name="fix_reading"),
    ],
    "readaloud_admin",
)


@hooks.register("register_admin_urls")
def readaloud_admin_urls():
    return [path("readaloud/", include(admin_urls))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def voices_menu_item():
    return SuperuserMenuItem("Giọng đọc", reverse("readaloud_admin:voices"), icon_name="media", order=900)
