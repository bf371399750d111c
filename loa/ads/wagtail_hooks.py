from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AdSlot, Advertisement


class AdvertisementFilterSet(WagtailFilterSet):
    class Meta:
        model = Advertisement
        fields = ["slot", "is_active"]


class AdvertisementViewSet(SnippetViewSet):
    model = Advertisement
    icon = "pick"
    menu_label = "Quảng cáo"
    list_display = ["title", "slot", "is_active", "start_at", "end_at", "impressions", "clicks", Column("click_ratio", label="Tỉ lệ nhấp")]
    list_export = ["title", "slot", "target_url", "is_active", "start_at", "end_at", "impressions", "clicks"]
    filterset_class = AdvertisementFilterSet
    ordering = ["slot", "sort_order", "id"]
    search_fields = ["title", "alt_text"]


class AdSlotViewSet(SnippetViewSet):
    model = AdSlot
    icon = "placeholder"
    menu_label = "Vị trí quảng cáo"
    list_display = ["name", "key", "description"]


class AdsGroup(SnippetViewSetGroup):
    items = (AdvertisementViewSet, AdSlotViewSet)
    menu_icon = "pick"
    menu_label = "Quảng cáo"
    menu_name = "ads"
    menu_order = 300


register_snippet(AdsGroup)
