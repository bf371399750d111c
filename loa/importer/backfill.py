"""Narration of imported pages: newest first, below anything an editor publishes, one page at a time.

One low-priority task picks the newest imported readable page that has no narration in the default
voice yet, asks for it at IMPORTER_BACKFILL_PRIORITY and enqueues itself one step lower, so the
worker makes that page's audio before looking for the next, and every editor's task (priority 10)
goes first. The admin's "Nhập dữ liệu cổng cũ" page shows how far it is.
"""
from __future__ import annotations

from django.db.models import F
from django_tasks import task

from loa.readaloud.service import default_voice_narrations, refresh_audio

from . import conf
from .models import ImportedItem

READABLE_KINDS = ("article", "info")


def priority() -> int:
    return int(conf.get("IMPORTER_BACKFILL_PRIORITY"))


def pending_items():
    """Imported live readable pages without a default-voice narration, newest first."""
    narrated = default_voice_narrations().values("page_id")
    return (ImportedItem.objects.filter(kind__in=READABLE_KINDS, page__live=True)
            .exclude(page_id__in=narrated).order_by(F("date").desc(nulls_last=True), "-pk"))


def progress() -> dict:
    items = ImportedItem.objects.filter(kind__in=READABLE_KINDS, page__live=True)
    narrations = default_voice_narrations().filter(page_id__in=items.values("page_id"))
    return {"total": items.count(), "ready": narrations.filter(state="ready").count(),
            "waiting": pending_items().count(), "failed": narrations.filter(state="failed").count()}


@task()
def backfill_next() -> dict:
    item = pending_items().select_related("page").first()
    if item is None:
        return {"status": "done"}
    page = item.page.specific
    refresh_audio(page, priority=priority())
    backfill_next.using(priority=priority() - 1).enqueue()
    return {"status": "requested", "page": page.pk}


def start_backfill() -> None:
    backfill_next.using(priority=priority() - 1).enqueue()
