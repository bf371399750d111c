"""Admin page "Kiểm tra tuân thủ": the same list as `loa check-compliance`, each with a link to fix it."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from .checks import run_checks

PERMISSION = "compliance.view_compliance"


def compliance_report(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    results = run_checks()
    return TemplateResponse(request, "compliance/report.html", {
        "page_title": "Kiểm tra tuân thủ", "header_title": "Kiểm tra tuân thủ",
        "results": results, "missing": sum(1 for result in results if not result.met),
    })
