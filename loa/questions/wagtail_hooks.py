"""Admin: "Hỏi đáp" menu with the questions (moderation, export) and the lĩnh vực list."""
from __future__ import annotations

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column

from loa.participation.submission_admin import SortedListViewSet, SubmissionViewSet, submission_menu

from .admin_forms import QuestionAdminForm, QuestionDetailsPanel
from .records import Question, Topic


class QuestionFilterSet(WagtailFilterSet):
    class Meta:
        model = Question
        fields = ["status", "topic", "committee"]


class QuestionViewSet(SubmissionViewSet):
    model = Question
    icon = "help"
    menu_label = "Câu hỏi của người dân"
    refusal = "Câu hỏi chỉ được gửi qua biểu mẫu trên cổng thông tin."
    export_fields = ["reference", "created_at", "get_status_display", "topic", "committee", "title", "content",
                     "public_title", "public_content", "answered_at", "published_at", "rejection_reason"]
    export_headings = {"get_status_display": "Trạng thái"}
    list_display = ["reference", "title", "topic", "committee",
                    Column("get_status_display", label="Trạng thái", sort_key="status"), "created_at"]
    list_filter = None
    filterset_class = QuestionFilterSet
    search_fields = ["reference", "title", "content", "public_title"]
    export_filename = "cau-hoi-cua-nguoi-dan"
    edit_handler = ObjectList([
        QuestionDetailsPanel(heading="Câu hỏi người dân gửi"),
        MultiFieldPanel([FieldPanel("topic"), FieldPanel("committee")], heading="Phân loại và giao ban"),
        MultiFieldPanel([FieldPanel("public_title"), FieldPanel("public_content")], heading="Nội dung sẽ công bố"),
        FieldPanel("answer"),
        FieldPanel("rejection_reason"),
        FieldPanel("action"),
    ], base_form_class=QuestionAdminForm)


class TopicViewSet(SortedListViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Lĩnh vực"
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    form_fields = ["name", "slug", "sort_order"]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return submission_menu("Hỏi đáp", "help", 310, QuestionViewSet("questions"), TopicViewSet("question_topics"))


@hooks.register("loa_load_demo", order=2)
def load_demo(home) -> None:
    from loa.participation.demo import ensure_committees

    from .demo import load_questions_demo

    load_questions_demo(home, ensure_committees())
