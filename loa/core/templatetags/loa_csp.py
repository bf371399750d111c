"""`{% csp_allow_script "https://origin" %}`: let the page being rendered load scripts from that origin."""
from __future__ import annotations

from django import template

from loa.core.csp import allow_script_source

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_allow_script(context, origin: str) -> str:
    request = context.get("request")
    if request is not None:
        allow_script_source(request, origin)
    return ""
