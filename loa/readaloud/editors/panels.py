"""The "Âm thanh đọc bài" panel on the article editor: state per voice, preview, "Tạo lại âm thanh"."""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from ..narration.readable import readable_models
from .status import voice_statuses

logger = logging.getLogger(__name__)


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


class ReadingReviewPanel(Panel):
    """"Cách đọc cần kiểm tra": the guessed readings of the draft, each to hear in its sentence and settle."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", _("Readings to check"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "reading-review"

    class BoundPanel(Panel.BoundPanel):
        template_name = "readaloud/admin/review_panel.html"

        class Media:
            js = ["readaloud/review.js"]

        def get_context_data(self, parent_context=None) -> dict:
            from ..narration.keys import default_voice_id
            from ..narration.review import page_guesses

            context = super().get_context_data(parent_context)
            page = self.instance
            rows = []
            if page is not None and page.pk:  # a page being added has no text yet
                try:
                    rows = page_guesses(page)
                except Exception:  # the editor must open even if the draft cannot be read
                    logger.exception("read-aloud: could not list the guessed readings of page %s", page.pk)
            fix_url = reverse("readaloud_admin:fix_reading")
            context["rows"] = [(row, _fix_link(fix_url, row.written, row.spoken, page)) for row in rows]
            context["speech_url"] = reverse("readaloud:speech")
            context["voice_id"] = default_voice_id()
            return context


def _fix_link(fix_url: str, written: str, spoken: str, page) -> str:
    query = {"written": written, "spoken": spoken}
    if page is not None and page.pk:
        query["page"] = page.pk
    return f"{fix_url}?{urlencode(query)}"


def attach_to_article_editor() -> None:
    """Add the panels at the end of each readable page type's content tab, unless the type places them itself."""
    for model in readable_models():
        if "edit_handler" in model.__dict__:
            continue  # a hand-built editor: it should list ReadAloudPanel() where it wants it
        panels = list(model.content_panels)
        if not any(isinstance(panel, ReadAloudPanel) for panel in panels):
            panels.append(ReadAloudPanel())
        if not any(isinstance(panel, ReadingReviewPanel) for panel in panels):
            panels.append(ReadingReviewPanel())
        model.content_panels = panels
