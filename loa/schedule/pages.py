"""/lich-cong-tac/: the schedule page with its week view and iCalendar routes."""
from __future__ import annotations

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page


class ScheduleIndexPage(RoutablePageMixin, Page):
    """/lich-cong-tac/: one week (?tuan=2026-W49), its .ics (ics/2026-W49/) and a subscription feed (ical/)."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [MultiFieldPanel([FieldPanel("intro")], heading="Trang")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "Trang lịch công tác"
        verbose_name_plural = "Trang lịch công tác"

    @path("")
    def week_view(self, request):
        from .views import week_page

        return week_page(request, self)

    @re_path(r"^ics/(?P<week>\d{4}-W\d{1,2})/$")
    def week_ics(self, request, week: str):
        from .views import week_calendar

        return week_calendar(request, self, week)

    @path("ical/")
    def subscription(self, request):
        from .views import subscription_calendar

        return subscription_calendar(request, self)
