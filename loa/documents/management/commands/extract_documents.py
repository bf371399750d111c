"""`loa extract_documents`: (re)extract the text of attached files whose text is missing or stale.

Stale means: the file changed, or the limits (DOCUMENTS_EXTRACT_MAX_PAGES, ...) changed since
it was read. By default the work is enqueued for the task worker; --now does it here.
"""
from __future__ import annotations

from django.core.management.base import BaseCommand

from ... import texts
from ...models import DocumentAttachment
from ...tasks import request_text


class Command(BaseCommand):
    help = "Trích xuất (lại) nội dung các tệp đính kèm văn bản còn thiếu hoặc đã cũ."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--all", action="store_true", help="mọi tệp, kể cả tệp đã trích xuất xong")
        parser.add_argument("--now", action="store_true", help="trích xuất ngay trong tiến trình này thay vì xếp hàng")

    def handle(self, *args, **options) -> None:
        documents = {a.document_id: a.document for a in
                     DocumentAttachment.objects.filter(read_aloud=True).select_related("document")}
        done = 0
        for document in documents.values():
            if not options["now"]:
                request_text(document, force=options["all"])
                continue
            if texts.want_text(document, force=options["all"]):
                text = texts.claim(document.pk, texts.file_hash(document))
                if text is not None:
                    result = texts.run_extraction(text)
                    texts.refresh_pages(document.pk)
                    done += 1
                    self.stdout.write(f"{document.title}: {result.status} ({result.char_count} ký tự)")
        verb = "đã trích xuất" if options["now"] else "đã kiểm tra"
        self.stdout.write(f"{verb} {done if options['now'] else len(documents)} tệp.")
