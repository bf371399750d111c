"""`loa backup -o FILE`: database, media, read-aloud audio and voice packs in one archive (loa/core/backup.py)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from loa.core.backup import BackupError, write_backup
from loa.core.dbdump import DumpError


def human_size(size: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


class Command(BaseCommand):
    help = ("Sao lưu trang vào một tệp: cơ sở dữ liệu, ảnh, tài liệu, âm thanh đọc bài, gói giọng đọc. "
            "Chạy được khi máy chủ đang chạy.")
    requires_system_checks: list = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", required=True, help="tệp bản sao lưu (.tar.gz; .tar để không nén)")
        parser.add_argument("--with-sentence-cache", action="store_true",
                            help="kèm bộ đệm âm thanh từng câu (tạo lại được, nên mặc định không kèm)")
        parser.add_argument("--with-secret", action="store_true",
                            help="kèm khoá bí mật SECRET_KEY (để phiên đăng nhập còn hiệu lực sau khi khôi phục)")

    def handle(self, *args, **options) -> None:
        report = (lambda line: self.stdout.write(line)) if options["verbosity"] > 0 else (lambda _line: None)
        try:
            result = write_backup(Path(options["output"]), with_sentence_cache=options["with_sentence_cache"],
                                  with_secret=options["with_secret"], report=report)
        except (BackupError, DumpError) as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"lỗi đọc/ghi tệp {exc.filename or ''}: {exc.strerror or exc}") from None
        except (DatabaseError, sqlite3.Error) as exc:
            raise CommandError(f"lỗi cơ sở dữ liệu: {exc}") from None
        counts = result.manifest["counts"]
        files = sum(section["files"] for section in result.manifest["sections"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu vào {result.path} ({human_size(result.size)}): {counts.get('pages', 0)} trang, "
            f"{counts.get('images', 0)} ảnh, {counts.get('documents', 0)} tài liệu, {counts.get('audio', 0)} bản đọc, "
            f"{files} tệp" + ("; có khoá bí mật" if options["with_secret"] else "; không có khoá bí mật") + "."
        ))
