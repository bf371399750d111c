"""Publishing a document page extracts its files' text; replacing a file extracts it again; downloads are counted."""
from __future__ import annotations

import logging

from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.signals import page_published

from .downloads import document_served as count_download
from .models import DocumentAttachment, DocumentPage

logger = logging.getLogger(__name__)


def document_page_published(sender, instance, **kwargs) -> None:
    from .tasks import request_text

    for attachment in DocumentAttachment.objects.filter(page_id=instance.pk).select_related("document"):
        if attachment.read_aloud:
            request_text(attachment.document)


def document_file_saved(sender, instance, created: bool, **kwargs) -> None:
    """A replaced file (new hash) is read again for every page that attaches it."""
    if created or not DocumentAttachment.objects.filter(document_id=instance.pk, read_aloud=True).exists():
        return
    from .tasks import request_text

    request_text(instance)


def connect() -> None:
    page_published.connect(document_page_published, sender=DocumentPage, dispatch_uid="loa-documents-published")
    post_save.connect(document_file_saved, sender=get_document_model(), dispatch_uid="loa-documents-file-saved")
    document_served.connect(count_download, dispatch_uid="loa-documents-download")
