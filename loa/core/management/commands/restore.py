"""`loa restore FILE`: put a `loa backup` archive back into an empty data directory and database."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from loa.core.backup import BackupError, restore_backup
from loa.core.dbdump import DumpError


class Command(BaseCommand):
    help = ("Khôi phục một bản sao lưu của `loa backup` vào thư mục dữ liệu (LOA_DATA_DIR) và cơ sở dữ liệu "
            "(DATABASE_URL) trống. Dừng máy chủ trước khi khôi phục.")
    requires_system_checks: list = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="tệp bản sao lưu")
        parser.add_argument("--force", action="store_true",
                            help="thay toàn bộ cơ sở dữ liệu và tệp hiện có bằng nội dung bản sao lưu")

    def handle(self, *args, **options) -> None:
        report = (lambda line: self.stdout.write(line)) if options["verbosity"] > 0 else (lambda _line: None)
        try:
            result = restore_backup(Path(options["archive"]), force=options["force"], report=report)
        except (BackupError, DumpError) as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"lỗi đọc/ghi tệp {exc.filename or ''}: {exc.strerror or exc}") from None
        except (DatabaseError, sqlite3.Error) as exc:
            raise CommandError(f"lỗi cơ sở dữ liệu: {exc}") from None
        expected = result.manifest.get("counts", {})
        mismatched = {name: (value, result.counts.get(name)) for name, value in expected.items()
                      if result.counts.get(name) != value}
        for note in result.notes:
            self.stdout.write(f"Lưu ý: {note}.")
        summary = ", ".join(f"{name} {value}" for name, value in result.counts.items())
        if mismatched:
            raise CommandError(f"đã khôi phục nhưng số lượng khác bản kê khai: {mismatched}")
        self.stdout.write(self.style.SUCCESS(
            f"Đã khôi phục bản sao lưu ngày {result.manifest.get('created_at')} "
            f"(Loa {result.manifest.get('loa_version')}): {summary}."
        ))
