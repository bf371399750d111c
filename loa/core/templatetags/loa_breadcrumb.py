"""`{% breadcrumb page.get_parent current=page.title %}`: the "Đường dẫn" trail above a page.

Trang chủ, then a link to each page given (None is skipped; a `(title, url)` pair links anywhere),
then `current` as plain text marked `aria-current="page"`.
"""
from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("core/breadcrumb.html", takes_context=True)
def breadcrumb(context, *pages, current: str = "") -> dict:
    request = context.get("request")
    links = []
    for page in pages:
        if page is None:
            continue
        links.append(page if isinstance(page, tuple) else (page.title, page.get_url(request=request)))
    return {"links": links, "current": current}
