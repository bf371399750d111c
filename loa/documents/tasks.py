"""Background work (django-tasks): extracting the text of attached files, then refreshing the pages that use them."""
from __future__ import annotations

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
    """Enqueue the extraction of `document`'s text if it is missing or stale.

    With the database backend the task row is written in the caller's transaction, so the
    worker sees it exactly when the page or file it is about is committed.
    """
    if not texts.want_text(document, force=force):
        return
    expected = ExtractedText.objects.get(document=document).file_hash
    result = extract_document_text.using(priority=5).enqueue(document.pk, expected)
    ExtractedText.objects.filter(document_id=document.pk).update(task_id=str(result.id))
