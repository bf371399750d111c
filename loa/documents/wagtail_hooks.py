"""Admin: the "Văn bản" menu (documents with their number, state and downloads; the lookup lists),
the editor's file panel and "Trích xuất lại", the site-search section, the stats dashboard box, the demo."""
from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import include, path
from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from . import admin_views
from .admin_status import file_rows, page_state_label
from .lookups import DocumentField, DocumentType, IssuingBody
from .models import DocumentPage
from .panels import ExtractionPanel

DocumentPage.content_panels = [*DocumentPage.content_panels, ExtractionPanel()]


def _downloads(page: DocumentPage) -> int:
    return sum(row.downloads for row in file_rows(page))


class DocumentPageListingViewSet(PageListingViewSet):
    model = DocumentPage
    icon = "doc-full-inverse"
    menu_label = "Danh sách văn bản"
    name = "van_ban"

    @classproperty
    def columns(cls):
        extra = [
            Column("number", label="Số ký hiệu", sort_key="number"),
            DateColumn("issued_date", label="Ngày ban hành", sort_key="issued_date"),
            Column("text_state", label="Nội dung tệp", accessor=page_state_label),
            Column("downloads", label="Lượt tải", accessor=_downloads),
        ]
        base = [col for col in super().columns if col.name not in ("parent", "type")]
        return base[:2] + extra + base[2:]


class LookupViewSet(ModelViewSet):
    add_to_admin_menu = False
    form_fields = ["name", "slug", "sort_order"]
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class DocumentTypeViewSet(LookupViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = "Loại văn bản"
    name = "loai_van_ban"


class IssuingBodyViewSet(LookupViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = "Cơ quan ban hành"
    name = "co_quan_ban_hanh"


class DocumentFieldViewSet(LookupViewSet):
    model = DocumentField
    icon = "folder-open-inverse"
    menu_label = "Lĩnh vực"
    name = "linh_vuc"


class DocumentsMenu(ModelViewSetGroup):
    menu_label = "Văn bản"
    menu_icon = "doc-full-inverse"
    menu_order = 205
    items = (DocumentPageListingViewSet("van_ban"), DocumentTypeViewSet, IssuingBodyViewSet, DocumentFieldViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return DocumentsMenu()


admin_urls = ([path("pages/<int:page_id>/extract/", admin_views.extract_again, name="extract")], "documents_admin")


@hooks.register("register_admin_urls")
def documents_admin_urls():
    return [path("van-ban/", include(admin_urls))]


@hooks.register("loa_site_search")
def search_section(request, query: str, root) -> str:
    from .search import site_search_section

    return site_search_section(request, query, root)


@hooks.register("loa_stats_dashboard_panels")
def downloads_panel(request, since) -> str:
    from .downloads import top_downloads

    return render_to_string("documents/admin/dashboard_downloads.html", {"rows": top_downloads(since)}, request)


@hooks.register("loa_load_demo", order=10)
def load_demo(home) -> None:
    from .demo.loader import load_documents

    load_documents(home)
