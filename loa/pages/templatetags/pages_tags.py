from __future__ import annotations

import html

from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page, Site

register = template.Library()

STATS_WIDGET = "stats/widget.html"
STATS_FALLBACK = "pages/includes/visitor_stats_fallback.html"
EMPTY_STATS = {"online": 0, "today": 0, "month": 0, "total": 0}


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """Live children of the site root (in the page's language) marked "show in menus" (the chuyên mục)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(site.root_page.localized.get_children().live().in_menu())


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


@register.simple_tag
def page_description(page, branding) -> str:
    """The meta description: the page's search description, else its summary or intro, else one for the site."""
    for text in (getattr(page, "search_description", ""), getattr(page, "summary", ""), getattr(page, "intro", "")):
        text = " ".join(html.unescape(strip_tags(str(text or ""))).split())
        if text:
            return Truncator(text).chars(200)
    name = getattr(branding, "site_name", "") or "Cổng thông tin điện tử"
    return f"{name}: tin tức, kỳ họp, hoạt động giám sát và tiếp xúc cử tri; mọi tin bài đều có thể nghe đọc."


@register.simple_tag(takes_context=True)
def absolute_url(context, page) -> str:
    """The page's URL on the host the visitor used (Site records may name another host, e.g. "localhost")."""
    request = context.get("request")
    url = page.get_url(request=request) or "/"
    return request.build_absolute_uri(url) if request is not None else url
