"""`{% hreflang_links %}` in <head>, `{% language_switcher %}` in the header, `{% home_url %}`."""
from __future__ import annotations

from django import template

from ..locales import DEFAULT, current_language, site_root, switch_targets, versions

register = template.Library()


@register.inclusion_tag("languages/hreflang.html", takes_context=True)
def hreflang_links(context) -> dict:
    found = versions(context.get("page"), context.get("request"))
    default = next((version for version in found if version.code == DEFAULT), None)
    return {"versions": found if len(found) > 1 else [], "default": default}


@register.inclusion_tag("languages/switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"targets": switch_targets(context.get("page"), context.get("request"))}


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    root = site_root(context.get("request"))
    if root is None:
        return "/"
    home = root.localized
    return home.get_url(context.get("request")) if home.live else "/"


@register.simple_tag
def page_language() -> str:
    return current_language()
