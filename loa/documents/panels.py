"""The "Nội dung tệp và lượt tải" panel of the document editor: per file its extraction state and downloads."""
from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel


class ExtractionPanel(Panel):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", "Nội dung tệp và lượt tải")
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "document-text"

    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/admin/extraction_panel.html"

        def get_context_data(self, parent_context=None) -> dict:
            from .admin_status import file_rows

            context = super().get_context_data(parent_context)
            page = self.instance
            context["rows"] = file_rows(page) if page and page.pk else []
            context["retry_url"] = reverse("documents_admin:extract", args=[page.pk]) if page and page.pk else ""
            return context
