"""Ordinary content pages (giới thiệu: chức năng nhiệm vụ, cơ cấu tổ chức, lãnh đạo, liên hệ), read aloud like articles."""
from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from loa.pages.blocks import ArticleBodyBlock, SummaryAndBody


class InfoPage(SummaryAndBody, Page):
    readaloud = True  # read as an article: title, summary, body

    summary = models.TextField("Tóm tắt", blank=True, max_length=1000,
                               help_text="Một hai câu giới thiệu; hiện đầu trang và trong kết quả tìm kiếm.")
    body = StreamField(ArticleBodyBlock(), verbose_name="Nội dung", blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body")]

    parent_page_types = ["pages.HomePage", "infopages.InfoPage"]
    subpage_types = ["infopages.InfoPage"]

    class Meta:
        verbose_name = "Trang giới thiệu"
        verbose_name_plural = "Trang giới thiệu"

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        section = self if self.depth <= 3 else self.get_parent().specific
        context["section"] = section
        context["section_pages"] = section.get_children().live().public().specific()
        return context
