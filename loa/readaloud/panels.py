"""The "Âm thanh đọc bài" panel on the article editor: state per voice, preview, "Tạo lại âm thanh"."""
from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel

from .admin_status import voice_statuses
from .readable import readable_models


class ReadAloudPanel(Panel):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", "Âm thanh đọc bài")
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "readaloud"

    class BoundPanel(Panel.BoundPanel):
        template_name = "readaloud/admin/panel.html"

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            page = self.instance
            published = bool(page and page.pk and page.live)
            context["published"] = published
            if published:
                context["rows"] = voice_statuses(page)
                context["regenerate_url"] = reverse("readaloud_admin:regenerate", args=[page.pk])
            return context


def attach_to_article_editor() -> None:
    """Add the panel at the end of each readable page type's content tab, unless the type places it itself."""
    for model in readable_models():
        if "edit_handler" in model.__dict__:
            continue  # a hand-built editor: it should list ReadAloudPanel() where it wants it
        if any(isinstance(panel, ReadAloudPanel) for panel in model.content_panels):
            continue
        model.content_panels = [*model.content_panels, ReadAloudPanel()]
