"""Admin: "Hỏi đáp" menu with the questions (moderation, export) and the lĩnh vực list."""
from __future__ import annotations

from django.http import Http404
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from loa.participation.export import OfficeExportMixin

from .admin_forms import QuestionAdminForm, QuestionDetailsPanel
from .records import Question, Topic


class QuestionFilterSet(WagtailFilterSet):
    class Meta:
        model = Question
        fields = ["status", "topic", "committee"]


class QuestionIndexView(OfficeExportMixin, IndexView):
    export_fields = ["reference", "created_at", "get_status_display", "topic", "committee", "title", "content",
                     "public_title", "public_content", "answered_at", "published_at", "rejection_reason"]
    personal_export_fields = ["name", "email", "phone", "address", "contact_erased_at"]
    personal_permission = "questions.view_personal_data"
    export_headings = {"get_status_display": "Trạng thái"}

    def get_add_url(self):
        return None  # questions come from the public form


class NoCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise Http404("Câu hỏi chỉ được gửi qua biểu mẫu trên cổng thông tin.")


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = "Câu hỏi của người dân"
    add_to_admin_menu = False
    index_view_class = QuestionIndexView
    add_view_class = NoCreateView
    copy_view_enabled = False
    list_display = ["reference", "title", "topic", "committee",
                    Column("get_status_display", label="Trạng thái", sort_key="status"), "created_at"]
    list_filter = None
    filterset_class = QuestionFilterSet
    search_fields = ["reference", "title", "content", "public_title"]
    search_backend_name = None  # the database, not the search index: personal data stays out of it
    ordering = ["-created_at"]
    export_filename = "cau-hoi-cua-nguoi-dan"
    edit_handler = ObjectList([
        QuestionDetailsPanel(heading="Câu hỏi người dân gửi"),
        MultiFieldPanel([FieldPanel("topic"), FieldPanel("committee")], heading="Phân loại và giao ban"),
        MultiFieldPanel([FieldPanel("public_title"), FieldPanel("public_content")], heading="Nội dung sẽ công bố"),
        FieldPanel("answer"),
        FieldPanel("rejection_reason"),
        FieldPanel("action"),
    ], base_form_class=QuestionAdminForm)


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Lĩnh vực"
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    form_fields = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class QuestionsGroup(ViewSetGroup):
    menu_label = "Hỏi đáp"
    menu_icon = "help"
    menu_order = 310
    items = (QuestionViewSet("questions"), TopicViewSet("question_topics"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return QuestionsGroup()


@hooks.register("loa_load_demo", order=2)
def load_demo(home) -> None:
    from loa.participation.demo import ensure_committees

    from .demo import load_questions_demo

    load_questions_demo(home, ensure_committees())
