"""`loa record-axe FILE.json`: keep the result of an axe-core run for the compliance check."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from loa.compliance.axe import AxeFileError, record


class Command(BaseCommand):
    help = "Ghi kết quả kiểm tra khả năng tiếp cận (tệp JSON của axe-core) cho Kiểm tra tuân thủ."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options) -> None:
        try:
            run = record(options["file"])
        except AxeFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã ghi: {run.pages} trang, {run.violations} lỗi.")
