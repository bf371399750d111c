"""Admin: the "Kiến nghị cử tri" menu, the site-search section, the delegate page's meetings, the demo."""
from __future__ import annotations

from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from .admin_views import DeadlineViewSet, ImportViewSet
from .lookups import Agency, Locality, PetitionTopic, VoterMeeting
from .pages import PetitionPage
from .status import StatusChange


class PetitionListingViewSet(PageListingViewSet):
    model = PetitionPage
    icon = "list-ul"
    menu_label = "Danh sách kiến nghị"
    name = "kien_nghi"

    @classproperty
    def columns(cls):
        extra = [
            Column("agency", label="Cơ quan trả lời", accessor=lambda page: page.agency.name),
            Column("petition_status", label="Tình trạng xử lý",
                   accessor=lambda page: page.status_label + (" (quá hạn)" if page.overdue else "")),
            Column("deadline", label="Hạn trả lời",
                   accessor=lambda page: page.deadline.strftime("%d/%m/%Y") if page.deadline else ""),
        ]
        base = [col for col in super().columns if col.name not in ("parent", "type")]
        return base[:2] + extra + base[2:]


class StatusIndexView(IndexView):
    def get_edit_url(self, instance):
        return None  # the history is append-only: a step is never edited nor deleted

    def get_delete_url(self, instance):
        return None


class StatusCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        petition = self.request.GET.get("petition", "")
        if petition.isdigit():
            initial["petition"] = int(petition)
        return initial

    def get_edit_url(self):
        return None

    def get_success_buttons(self):
        return []

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()  # saved and logged ("wagtail.create") by Wagtail's create action


class StatusChangeViewSet(ModelViewSet):
    model = StatusChange
    icon = "history"
    menu_label = "Ghi trạng thái"
    name = "petition_status"
    index_view_class = StatusIndexView
    add_view_class = StatusCreateView
    form_fields = ["petition", "status", "date", "note"]
    list_display = ["petition", Column("get_status_display", label="Trạng thái", sort_key="status"), "date",
                    "recorded_by", "recorded_at"]
    list_filter = ["status"]
    ordering = ["-recorded_at"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        # Append-only: no edit nor delete route exists.
        return [p for p in super().get_urlpatterns() if p.name not in ("edit", "delete")]


class VoterMeetingViewSet(ModelViewSet):
    model = VoterMeeting
    icon = "group"
    menu_label = "Tiếp xúc cử tri"
    name = "tiep_xuc_cu_tri"
    list_display = ["__str__", "place", "session", "voters", "opinions"]
    list_filter = ["locality"]
    search_fields = ["place", "notes"]
    search_backend_name = None
    copy_view_enabled = False


def lookup_viewset(lookup, name: str, label: str, icon: str):
    fields = ["name", "slug", "sort_order"] + (["short_name"] if lookup is Agency else [])
    return type(f"{lookup.__name__}ViewSet", (ModelViewSet,), {
        "model": lookup, "icon": icon, "menu_label": label, "name": name, "form_fields": fields,
        "list_display": ["name", "slug", "sort_order"], "search_fields": ["name"], "search_backend_name": None,
        "copy_view_enabled": False,
    })


class PetitionsMenu(ModelViewSetGroup):
    menu_label = "Kiến nghị cử tri"
    menu_icon = "list-ul"
    menu_order = 208
    items = (
        PetitionListingViewSet("kien_nghi"),
        DeadlineViewSet(),
        StatusChangeViewSet(),
        VoterMeetingViewSet(),
        ImportViewSet(),
        lookup_viewset(Agency, "co_quan_tra_loi", "Cơ quan trả lời", "site"),
        lookup_viewset(Locality, "dia_ban", "Địa bàn", "site"),
        lookup_viewset(PetitionTopic, "linh_vuc_kien_nghi", "Lĩnh vực", "tag"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PetitionsMenu()


@hooks.register("loa_site_search")
def search_section(request, query: str, root) -> str:
    from .search import site_search_section

    return site_search_section(request, query, root)


@hooks.register("loa_delegate_sections")
def delegate_meetings(request, delegate) -> str:
    from django.template.loader import render_to_string

    meetings = delegate.voter_meetings.select_related("locality").order_by("-date")
    return render_to_string("petitions/includes/delegate_meetings.html", {"meetings": meetings}, request)


@hooks.register("loa_load_demo", order=50)
def load_demo(home) -> None:
    from .demo import load_petitions_demo

    load_petitions_demo(home)
