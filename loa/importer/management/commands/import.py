"""`loa import feed|wordpress|site SOURCE`: move an old portal's content into Loa (see loa/importer)."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from loa.importer.http import PoliteClient, host_of
from loa.importer.mapping import MappingError, load_mapping
from loa.importer.media import MediaStore
from loa.importer.runner import run_import
from loa.importer.writer import Writer


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


class Command(BaseCommand):
    help = "Nhập tin bài, văn bản, ảnh và địa chỉ cũ từ cổng thông tin cũ (RSS/Atom, WordPress, thu thập trang)."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="kind", required=True)
        for name, helptext in (("feed", "RSS/Atom: URL hoặc tệp"), ("wordpress", "tệp WXR (.xml) hoặc URL trang WordPress"),
                               ("site", "URL trang chủ cổng cũ (sitemap hoặc thu thập trong máy chủ)")):
            p = sub.add_parser(name, help=helptext)
            p.add_argument("source")
            p.add_argument("--mapping", help="tệp ánh xạ TOML (chuyên mục, loại trang, mặc định, bộ chọn CSS)")
            p.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ tạo, không ghi gì")
            p.add_argument("--report", help="tệp CSV báo cáo (mặc định import-<nguồn>-<thời gian>.csv)")
            p.add_argument("--limit", type=int, default=0, help="dừng sau N mục được tạo/cập nhật")
            p.add_argument("--host", action="append", default=[], help="thêm máy chủ được phép tải (ảnh, tệp)")
            p.add_argument("--delay", type=float, default=None, help="giây giữa hai yêu cầu tới một máy chủ")
            p.add_argument("--concurrency", type=int, default=None, help="số yêu cầu đồng thời tới một máy chủ")
            p.add_argument("--no-backfill", action="store_true", help="không tạo âm thanh đọc bài cho trang đã nhập")
            p.add_argument("--overwrite-edited", action="store_true",
                           help="ghi đè cả trang đã được sửa trong Loa sau lần nhập trước (mặc định: giữ bản đã sửa)")
            if name == "site":
                p.add_argument("--max-pages", type=int, default=None)
                p.add_argument("--max-depth", type=int, default=None)

    def handle(self, *args, **options) -> None:
        kind, source = options["kind"], options["source"]
        try:
            mapping = load_mapping(options.get("mapping"))
        except MappingError as exc:
            raise CommandError(str(exc)) from exc
        hosts = {host_of(source)} if _is_url(source) else set()
        hosts |= {h.lower() for h in options["host"]}
        from loa.pages.models import HomePage

        if not options["dry_run"] and not HomePage.objects.exists():
            raise CommandError("chưa có Trang chủ: chạy `loa migrate` rồi tạo trang chủ (hoặc `loa serve` lần đầu) trước khi nhập")
        self._items(kind, source, options, mapping, hosts)  # checks the source, adds its host to `hosts`
        client = PoliteClient(hosts, delay=options["delay"], concurrency=options["concurrency"])
        try:
            items, wordpress = self._items(kind, source, options, mapping, hosts, client)
            dry = options["dry_run"]
            writer = Writer(mapping, MediaStore(client, dry_run=dry), None, dry_run=dry, wordpress=wordpress,
                            overwrite_edited=options["overwrite_edited"])
            report = Path(options["report"] or f"import-{kind}-{datetime.now():%Y%m%d-%H%M%S}.csv")
            run, counts = run_import(kind, source, items, writer, report_path=report,
                                     progress=sys.stderr, limit=options["limit"],
                                     backfill=not options["no_backfill"])
        finally:
            client.close()
        verb = "Sẽ" if options["dry_run"] else "Đã"
        self.stdout.write(f"{verb} tạo {counts['created']}, cập nhật {counts['updated']}, bỏ qua {counts['skipped']}, "
                          f"lỗi {counts['failed']}. Báo cáo: {report}")

    def _items(self, kind, source, options, mapping, hosts, client=None):
        """The source's items (a generator) and whether bodies are WordPress markup; `hosts` gets the source's host."""
        if kind == "wordpress":
            if _is_url(source):
                from loa.importer.sources.wp_rest import WpRestError, read_wp_rest

                return (_guard(read_wp_rest(source, client), WpRestError) if client else None), True
            from loa.importer.sources.wxr import WxrError, hosts_of, read_wxr

            try:
                hosts |= hosts_of(source)
            except (OSError, ValueError) as exc:
                raise CommandError(f"không đọc được {source}: {exc}") from exc
            except Exception as exc:
                raise CommandError(f"tệp WXR hỏng: {exc}") from exc
            return (_guard(read_wxr(source), WxrError) if client else None), True
        if kind == "feed":
            from loa.importer.sources.feed import FeedError, read_feed

            return (_guard(read_feed(source, client), FeedError) if client else None), False
        from loa.importer.sources.site import read_site

        return (read_site(source, client, mapping, max_pages=options.get("max_pages"),
                          max_depth=options.get("max_depth")) if client else None), False


def _guard(items, error):
    """A source error (broken file) ends the run with a clear message; items done so far stay done."""
    try:
        yield from items
    except error as exc:
        raise CommandError(str(exc)) from exc
