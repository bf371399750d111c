"""Download counts per file: Wagtail's document_served signal, counted once per visitor, file and window.

Not counted: crawlers and prefetches (as page views), the later parts of a ranged
download, and repeats by the same visitor within DOCUMENTS_DOWNLOAD_WINDOW seconds
(the visitor is a salted hash in the limits cache, never the address).
"""
from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.http import HttpRequest
from django.utils import timezone

from loa.core.bots import is_bot
from loa.core.ratelimit import client_over_limit

from . import conf
from .models import DailyDownload


def counts_as_download(request: HttpRequest) -> bool:
    if request.method != "GET" or is_bot(request):
        return False
    ranged = request.META.get("HTTP_RANGE", "")
    return not ranged or ranged.replace(" ", "").startswith("bytes=0-")


def record_download(document_id: int, day: date | None = None) -> None:
    day = day or timezone.localdate()
    if DailyDownload.objects.filter(document_id=document_id, day=day).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DailyDownload.objects.create(document_id=document_id, day=day, count=1)
    except IntegrityError:  # another request created the row first
        DailyDownload.objects.filter(document_id=document_id, day=day).update(count=F("count") + 1)


def document_served(sender, instance, request: HttpRequest, **kwargs) -> None:
    if not counts_as_download(request):
        return
    window = int(conf.get("DOCUMENTS_DOWNLOAD_WINDOW"))
    if client_over_limit(request, f"download:{instance.pk}", limit=1, window=window) is not None:
        return
    record_download(instance.pk)


def top_downloads(since: date, limit: int = 10) -> list[tuple[object, int]]:
    """(Wagtail document, downloads since `since`), most downloaded first."""
    from wagtail.documents import get_document_model

    rows = list(
        DailyDownload.objects.filter(day__gte=since).values("document_id").annotate(n=Sum("count"))
        .order_by("-n", "document_id")[:limit]
    )
    documents = get_document_model().objects.in_bulk([row["document_id"] for row in rows])
    return [(documents[row["document_id"]], row["n"]) for row in rows if row["document_id"] in documents]


def downloads_since(days: int) -> date:
    return timezone.localdate() - timedelta(days=days - 1)
