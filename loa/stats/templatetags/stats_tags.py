from __future__ import annotations

from django import template
from django.utils.translation import pgettext

register = template.Library()


def thousands_separator() -> str:
    """"." in Vietnamese, "," in English: the page's language decides."""
    return pgettext("thousands separator", ".")


@register.filter
def vi_number(value: object) -> str:
    """53082 -> "53.082" (on an English page "53,082")."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    return f"{number:,}".replace(",", thousands_separator())


@register.simple_tag
def thousands() -> str:
    return thousands_separator()


@register.simple_tag
def visitor_summary() -> dict[str, int]:
    """The widget's numbers where the `visitor_stats` context processor is not installed."""
    from ..summary import get_summary

    return get_summary().as_dict()


@register.filter
def percent(value: object) -> str:
    """0.375 -> "38 %"."""
    try:
        return f"{round(float(value) * 100)} %"
    except (TypeError, ValueError):
        return ""
