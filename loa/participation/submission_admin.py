"""The office's admin for citizens' submissions: listed, exported and moderated, never created there.

A submission app subclasses `SubmissionViewSet` (its model, menu, panels and form) and, for the
read-only "what was sent" panel, `SubmissionDetailsPanel` with its own template; contact details
are shown and exported only to users holding the model's `view_personal_data` permission.
"""
from __future__ import annotations

from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .export import OfficeExportMixin
from .submissions import CONTACT_FIELDS


def personal_permission(model) -> str:
    return f"{model._meta.app_label}.view_personal_data"


class SubmissionIndexView(OfficeExportMixin, IndexView):
    personal_export_fields = [*CONTACT_FIELDS, "contact_erased_at"]

    def setup(self, request, *args, **kwargs):
        self.personal_permission = personal_permission(self.model)
        super().setup(request, *args, **kwargs)

    def get_add_url(self):
        return None  # submissions come from the public forms


class NoCreateView(CreateView):
    refusal = "Nội dung này chỉ được gửi qua biểu mẫu trên cổng thông tin."

    def dispatch(self, request, *args, **kwargs):
        raise Http404(self.refusal)


class SubmissionAdminForm(WagtailAdminModelForm):
    """Saves the editor's changes through `moderate()`, which subclasses override with their workflow."""

    def save(self, commit: bool = True):
        submission = super().save(commit=False)
        return self.moderate(submission, getattr(self, "for_user", None))

    def moderate(self, submission, user):
        submission.save()
        return submission


class SubmissionDetailsPanel(Panel):
    """What the citizen sent (read-only) and, for users with the permission, their contact details.

    Subclasses set `template_name` and `object_name` (the template's name for the submission).
    """

    template_name = ""
    object_name = "submission"

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self) -> str:
            return self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user if self.request else None
            context[self.panel.object_name] = context["submission"] = self.instance
            context["show_contact"] = bool(user and user.has_perm(personal_permission(type(self.instance))))
            return context


class SubmissionViewSet(ModelViewSet):
    """Set `model`, `icon`, `menu_label`, `list_display`, `search_fields`, `edit_handler`, `export_fields`."""

    add_to_admin_menu = False
    index_view_class = SubmissionIndexView
    add_view_class = NoCreateView
    copy_view_enabled = False
    search_backend_name = None  # the database, not the search index: personal data stays out of it
    ordering = ["-created_at"]
    export_fields: list[str] = []
    export_headings: dict[str, str] = {}
    refusal = NoCreateView.refusal

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            export_fields=self.export_fields, export_headings=self.export_headings, **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(refusal=self.refusal, **kwargs)


def submission_menu(label: str, icon: str, order: int, *items: ViewSet) -> ViewSetGroup:
    """The admin menu of a submission app: its viewsets grouped under one item."""
    group = type("SubmissionMenu", (ViewSetGroup,), {"menu_label": label, "menu_icon": icon, "menu_order": order,
                                                      "items": items})
    return group()


class SortedListViewSet(ModelViewSet):
    """The admin of a `SortedByName` list: searched by name in the database, in the office's order."""

    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
