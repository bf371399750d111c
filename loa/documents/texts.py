"""The life of a file's extracted text: wanted -> pending -> running -> ready / scanned / failed.

A text belongs to one version of the file (`file_hash`) read under one set of limits
(`limits_key`); changing either makes it wanted again. Transitions are conditional
UPDATEs, so a result for a file that was replaced meanwhile is never recorded.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from . import conf
from .extraction import Extraction, extract_isolated
from .extraction.result import STATUS_OK, STATUS_SCANNED, STATUS_UNSUPPORTED
from .extraction.runner import kind_of_file
from .models import DocumentAttachment, DocumentPage, ExtractedText, ExtractionState

logger = logging.getLogger(__name__)

STATES = {STATUS_OK: ExtractionState.READY, STATUS_SCANNED: ExtractionState.SCANNED,
          STATUS_UNSUPPORTED: ExtractionState.UNSUPPORTED}


def limits_key() -> str:
    limits = conf.extraction_limits()
    return f"p{limits.max_pages}:c{limits.max_chars}:b{limits.max_bytes}"


def file_hash(document) -> str:
    if not document.file_hash:
        try:
            document._set_file_hash()
            type(document).objects.filter(pk=document.pk).update(file_hash=document.file_hash)
        except (OSError, ValueError):
            return ""
    return document.file_hash


def want_text(document, force: bool = False) -> bool:
    """Mark the document's text pending if it is missing or stale; True when an extraction must be enqueued."""
    wanted = {"file_hash": file_hash(document), "limits_key": limits_key()}
    if kind_of_file(document.file.name) is None:
        ExtractedText.objects.update_or_create(
            document=document, defaults={**wanted, "state": ExtractionState.UNSUPPORTED, "blocks": [], "error": ""})
        return False
    text, created = ExtractedText.objects.get_or_create(document=document, defaults=wanted)
    if created:
        return True
    stale = any(getattr(text, name) != value for name, value in wanted.items())
    if not (stale or force or text.state == ExtractionState.PENDING):
        return False
    ExtractedText.objects.filter(pk=text.pk).update(state=ExtractionState.PENDING, updated_at=timezone.now(), **wanted)
    return True


def claim(document_id: int, expected_hash: str) -> ExtractedText | None:
    claimed = ExtractedText.objects.filter(
        document_id=document_id, file_hash=expected_hash, state=ExtractionState.PENDING,
    ).update(state=ExtractionState.RUNNING, updated_at=timezone.now())
    return ExtractedText.objects.get(document_id=document_id) if claimed else None


@contextmanager
def local_copy(document):
    """A filesystem path of the document's file (a temporary copy for storages without one)."""
    try:
        yield Path(document.file.path)
        return
    except NotImplementedError:
        pass
    limit = conf.extraction_limits().max_bytes + 1
    suffix = Path(document.file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with document.file.open("rb") as source:
            shutil.copyfileobj(_capped(source, limit), copy)
        copy.flush()
        yield Path(copy.name)


def _capped(source, limit: int):
    class Reader:
        remaining = limit

        def read(self, size: int = -1) -> bytes:
            if self.remaining <= 0:
                return b""
            chunk = source.read(min(size if size > 0 else 1 << 20, self.remaining))
            self.remaining -= len(chunk)
            return chunk

    return Reader()


def run_extraction(text: ExtractedText) -> Extraction:
    document = text.document
    started = time.monotonic()
    with local_copy(document) as path:
        result = extract_isolated(path, conf.extraction_limits())
    record(text, result, time.monotonic() - started)
    return result


def record(text: ExtractedText, result: Extraction, seconds: float) -> bool:
    """Store the result unless the file changed meanwhile; True when stored."""
    state = STATES.get(result.status, ExtractionState.FAILED)
    stored = ExtractedText.objects.filter(pk=text.pk, file_hash=text.file_hash, state=ExtractionState.RUNNING).update(
        state=state,
        blocks=[[block.kind, block.text] for block in result.blocks] if state == ExtractionState.READY else [],
        page_count=result.page_count, pages_read=result.pages_read, truncated=result.truncated,
        char_count=result.char_count if state == ExtractionState.READY else 0,
        error=result.error[:2000], peak_memory_kb=result.peak_rss_kb, seconds=round(seconds, 3),
        updated_at=timezone.now(),
    )
    return bool(stored)


def pages_using(document_id: int) -> list[DocumentPage]:
    ids = DocumentAttachment.objects.filter(document_id=document_id).values("page_id")
    return list(DocumentPage.objects.filter(pk__in=ids).select_related("doc_type", "issuer"))


def refresh_pages(document_id: int) -> None:
    """After a file's text changed: search text, search index, read-aloud script and audio, cached pages."""
    from wagtail.search import index as search_index

    from loa.core.cache import bump_content_version

    for page in pages_using(document_id):
        DocumentPage.objects.filter(pk=page.pk).update(search_text=page.build_search_text())
        page.refresh_from_db(fields=["search_text"])
        if page.live:
            search_index.insert_or_update_object(page)
            refresh_audio(page)
    bump_content_version()


def refresh_audio(page: DocumentPage) -> None:
    """The page's reading script now includes the text: make its audio again (as publishing does)."""
    from loa.readaloud.service import refresh_audio as make_audio

    try:
        with transaction.atomic():
            make_audio(page)
    except Exception:  # the text is stored either way; the player's API request retries the audio
        logger.exception("documents: could not schedule the audio of page %s", page.pk)
