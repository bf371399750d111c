"""`loa widget_pregenerate`: enqueue the feed pre-generation of every site that is due; forget old visitor rows.

`loa serve` runs it every hour; elsewhere run it from cron (the task worker does the work).
"""
from django.core.management.base import BaseCommand

from loa.widget.counting import forget_old_visitors
from loa.widget.pregenerate import due_sites, pregenerate_site


class Command(BaseCommand):
    help = "Tạo sẵn âm thanh cho bài mới của các trang liên kết (theo RSS/Atom hoặc sitemap)."

    def handle(self, *args, **options) -> None:
        sites = due_sites()
        for site in sites:
            pregenerate_site.enqueue(site.pk)
        forgotten = forget_old_visitors()
        self.stdout.write(f"{len(sites)} trang liên kết cần tạo sẵn âm thanh; xóa {forgotten} dòng người truy cập cũ.")
