"""A page's read-aloud voice (a category, the document library): the field and its editor panel.

Not model choices: the voices installed when the form is shown are offered, so a pack removed
later never makes a page unsavable (its pages fall back to the site's default voice).
"""
from __future__ import annotations

from django import forms
from django.db import models
from wagtail.admin.panels import FieldPanel


class VoiceSelect(forms.Select):
    """The voices a category (or the document library) may choose, as installed when the form is shown.

    Not model choices: a pack removed later must not make the page unsavable (its pages then
    fall back to the site's default voice, and the editor sees the old choice marked)."""

    def get_context(self, name: str, value, attrs) -> dict:
        from .narration.voices import voice_choices

        choices = voice_choices()
        if value and value not in {key for key, _ in choices}:
            choices.append((value, f"{value} (không còn dùng được: trang dùng giọng mặc định)"))
        self.choices = choices
        return super().get_context(name, value, attrs)


def readaloud_voice_field() -> models.CharField:
    return models.CharField(
        "Giọng đọc", max_length=64, blank=True,
        help_text="Giọng đọc các tin bài trong mục này và giọng mặc định của trình phát; để trống: giọng mặc định của trang.",
    )


def readaloud_voice_panel() -> FieldPanel:
    return FieldPanel("readaloud_voice", widget=VoiceSelect)
