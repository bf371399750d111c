"""The "Âm thanh đọc bài" panel on the article editor: state per voice, preview, "Tạo lại âm thanh"."""
from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel

from .admin_status import voice_statuses


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
    """Add the panel at the end of the article's content tab, unless the page type places it itself."""
    from loa.pages.models import ArticlePage

    if "edit_handler" in ArticlePage.__dict__:
        return  # a hand-built editor: it should list ReadAloudPanel() where it wants it
    if any(isinstance(panel, ReadAloudPanel) for panel in ArticlePage.content_panels):
        return
    ArticlePage.content_panels = [*ArticlePage.content_panels, ReadAloudPanel()]
