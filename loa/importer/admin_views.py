"""Admin › Báo cáo › Nhập dữ liệu cổng cũ: the runs with their counts and how far the narration backfill is."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .backfill import progress
from .models import ImportRun


def import_status(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    runs = ImportRun.objects.all()[:20]
    return render(request, "importer/status.html", {"runs": runs, "backfill": progress()})
