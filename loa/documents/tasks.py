"""Background work (django-tasks): extracting the text of attached files, then refreshing the pages that use them."""
from __future__ import annotations

from django.db import transaction
from django_tasks import task

from . import texts
from .models import ExtractedText


@task(takes_context=True)
def extract_document_text(context, document_id: int, expected_hash: str) -> dict:
    text = texts.claim(document_id, expected_hash)
    if text is None:
        return {"status": "skipped", "reason": "obsolete or already done"}
    try:
        result = texts.run_extraction(text)
    except Exception as exc:
        ExtractedText.objects.filter(pk=text.pk, state="running").update(state="failed", error=f"{type(exc).__name__}: {exc}"[:2000])
        raise
    texts.refresh_pages(document_id)
    return {"status": result.status, "pages": result.pages_read, "chars": result.char_count,
            "truncated": result.truncated, "peak_rss_kb": result.peak_rss_kb, "error": result.error}


def request_text(document, force: bool = False) -> None:
    """Enqueue the extraction of `document`'s text if it is missing or stale (after the transaction commits)."""
    if not texts.want_text(document, force=force):
        return
    expected = ExtractedText.objects.get(document=document).file_hash
    document_id = document.pk

    def enqueue() -> None:
        result = extract_document_text.using(priority=5).enqueue(document_id, expected)
        ExtractedText.objects.filter(document_id=document_id).update(task_id=str(result.id))

    transaction.on_commit(enqueue)
