"""Admin › "Trang liên kết": the registered portals, with each one's snippet and figures."""
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .figures import SiteFigures, site_figures
from .models import WidgetSite


def _figures(site: WidgetSite) -> SiteFigures:
    if not hasattr(site, "_figures"):
        site._figures = site_figures(sites=WidgetSite.objects.filter(pk=site.pk))[0]
    return site._figures


def _completion(site: WidgetSite) -> str:
    rate = _figures(site).completion
    return "–" if rate is None else f"{100 * rate:.0f} %"


class WidgetSiteViewSet(SnippetViewSet):
    model = WidgetSite
    icon = "link"
    menu_label = "Trang liên kết"
    menu_name = "trang-lien-ket"
    menu_order = 320
    add_to_admin_menu = True
    list_display = [
        "name", "key", "origins",
        Column("articles", label="Bài đã đọc", accessor=lambda site: _figures(site).articles),
        Column("audio_minutes", label="Phút âm thanh", accessor=lambda site: f"{_figures(site).audio_minutes:.1f}"),
        Column("plays", label="Lượt nghe", accessor=lambda site: _figures(site).plays),
        Column("completion", label="Nghe hết bài", accessor=_completion),
        "active",
    ]
    search_fields = ["name", "origins"]
    panels = [
        FieldPanel("name"), FieldPanel("key", read_only=True), FieldPanel("origins"), FieldPanel("private_network"),
        FieldPanel("article_selector"), FieldPanel("skip_selectors"), FieldPanel("default_voice"),
        FieldPanel("offered_voices"), FieldPanel("feed_url"), FieldPanel("total_offset"), FieldPanel("active"),
        HelpPanel(heading="Mã gắn vào cổng thông tin", content=(
            "<p>Thêm vào mẫu trang bài viết (thay KEY bằng mã trang ở trên, loa.example bằng địa chỉ của Loa):</p>"
            "<pre>&lt;div id=\"loa-nghe\"&gt;&lt;/div&gt;\n"
            "&lt;script src=\"https://loa.example/widget/v1.js\" data-site=\"KEY\" data-target=\"#loa-nghe\" async&gt;"
            "&lt;/script&gt;\n&lt;script src=\"https://loa.example/widget/v1/stats.js\" data-site=\"KEY\" async&gt;"
            "&lt;/script&gt;</pre><p>Chính sách CSP của cổng: thêm địa chỉ Loa vào script-src, connect-src và "
            "media-src. Xem README, mục “Gắn Loa vào cổng thông tin có sẵn”.</p>")),
    ]
    ordering = ["name"]


register_snippet(WidgetSiteViewSet)


@hooks.register("loa_stats_dashboard_panels")
def sites_panel(request, since) -> str:
    from loa.stats import clock

    from .figures import site_figures

    days = (clock.today() - since).days + 1
    return render_to_string("widget/admin/dashboard_sites.html", {"rows": site_figures(since), "days": days}, request)


@hooks.register("loa_audio_in_use")
def host_page_uses_audio(audio_name: str) -> bool:
    """A replaced article audio file is kept while a host page's narration has the same content."""
    from .models import WidgetNarration

    return WidgetNarration.objects.filter(audio_name=audio_name).exists()
