"""`{% emc_script %}` (the EMC monitoring script, within the CSP) and `{% footer_contact %}`."""
from __future__ import annotations

from django import template
from wagtail.models import Site

from ..models import OperatorSettings

register = template.Library()


def _settings(context) -> OperatorSettings | None:
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return None
    return OperatorSettings.for_request(request)  # cached on the request: one query for both tags


def allow_script_origin(request, origin: str) -> None:
    """Ask the CSP middleware to allow `origin` in script-src for this response."""
    if request is None or not origin:
        return
    extra = getattr(request, "csp_extra_script_src", None)
    if extra is None:
        extra = request.csp_extra_script_src = []
    if origin not in extra:
        extra.append(origin)


@register.inclusion_tag("operator/emc_script.html", takes_context=True)
def emc_script(context) -> dict:
    operator = _settings(context)
    url = operator.emc_script_url if operator else ""
    if url:
        allow_script_origin(context.get("request"), operator.emc_origin)
    return {"url": url}


@register.inclusion_tag("operator/footer_contact.html", takes_context=True)
def footer_contact(context) -> dict:
    return {"operator": _settings(context)}
