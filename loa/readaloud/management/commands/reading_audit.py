"""`loa reading-audit [--since DATE] [--site HOST] [--limit N] [--tsv]`: the site's guessed readings by frequency."""
from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.dateparse import parse_date
from wagtail.models import Site

from loa.readaloud.narration.audit import audit
from loa.readaloud.narration.review import HOW_LABELS


class Command(BaseCommand):
    help = ("Các từ đọc theo phỏng đoán của toàn trang, từ nhiều đến ít, với một câu ví dụ: "
            "để lập Từ điển phát âm một lần. (The guessed readings of the whole site, most frequent first.)")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", help="only pages published on or after this date (YYYY-MM-DD)")
        parser.add_argument("--site", help="only the pages of the site with this host name")
        parser.add_argument("--limit", type=int, default=0, help="at most this many words (0: all)")
        parser.add_argument("--tsv", action="store_true",
                            help="tab-separated: count, pages, written, spoken, kind, page id, sentence")

    def handle(self, *args, since=None, site=None, limit=0, tsv=False, **options) -> None:
        since_at = None
        if since:
            day = parse_date(since) if len(since) == 10 else None
            if day is None:
                raise CommandError(f"--since {since!r}: ngày phải có dạng YYYY-MM-DD, ví dụ 2025-01-31.")
            since_at = timezone.make_aware(datetime.combine(day, time.min))
        found_site = None
        if site:
            found_site = Site.objects.filter(hostname=site).first()
            if found_site is None:
                known = ", ".join(Site.objects.values_list("hostname", flat=True))
                raise CommandError(f"--site {site!r}: không có trang nào với tên máy này (có: {known}).")
        with translation.override(settings.LANGUAGE_CODE):
            self._write(audit(since_at, found_site), limit, tsv)

    def _write(self, rows, limit: int, tsv: bool) -> None:
        if limit > 0:
            rows = rows[:limit]
        if tsv:
            self.stdout.write("count\tpages\twritten\tspoken\tkind\tpage\tsentence")
            for row in rows:
                self.stdout.write("\t".join([str(row.count), str(len(row.pages)), row.written, row.spoken, row.how,
                                             str(row.page_id), " ".join(row.context.split())]))
            return
        if not rows:
            self.stdout.write("Không có từ nào phải đọc theo phỏng đoán.")
            return
        self.stdout.write(f"{len(rows)} từ đọc theo phỏng đoán (số lần, số trang, từ → cách đọc, lý do):")
        for row in rows:
            self.stdout.write(f"{row.count:6d} {len(row.pages):5d}  {row.written} → {row.spoken}  ({HOW_LABELS.get(row.how, row.how)})")
            self.stdout.write(f"              ví dụ: {' '.join(row.context.split())[:200]}  — {row.page_title} (trang {row.page_id})")
        self.stdout.write("Thêm cách đọc đúng vào Từ điển phát âm (quản trị → Từ điển phát âm) hoặc bằng nút "
                          "“Sửa cách đọc” trong trình soạn bài.")
