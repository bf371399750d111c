from __future__ import annotations

from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from wagtail.models import Page, Site

register = template.Library()

STATS_WIDGET = "stats/widget.html"
STATS_FALLBACK = "pages/includes/visitor_stats_fallback.html"
EMPTY_STATS = {"online": 0, "today": 0, "month": 0, "total": 0}


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """Live children of the site root marked "show in menus" (the chuyên mục)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu())


@register.simple_tag(takes_context=True)
def visitor_widget(context) -> str:
    """The "THỐNG KÊ TRUY CẬP" box.

    The stats app owns `stats/widget.html`; until that template exists the box
    is drawn here from the `visitor_stats` context variable (zeros if absent).
    """
    flat = context.flatten()
    try:
        widget = get_template(STATS_WIDGET)
    except TemplateDoesNotExist:
        stats = {**EMPTY_STATS, **(flat.get("visitor_stats") or {})}
        return get_template(STATS_FALLBACK).render({**flat, "stats": stats}, context.get("request"))
    return widget.render(flat, context.get("request"))
