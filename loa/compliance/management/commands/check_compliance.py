"""`loa check-compliance`: each requirement met or missing; exits 1 when something is missing (for monitoring)."""
from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from loa.compliance.checks import run_checks


class Command(BaseCommand):
    help = "Kiểm tra tuân thủ: các yêu cầu của Nghị định 42/2022, 47/2020, Thông tư 22/2023 và WCAG 2.1 AA."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, **options) -> None:
        results = run_checks()
        if options["json"]:
            self.stdout.write(json.dumps([vars(result) for result in results], ensure_ascii=False, indent=1))
        else:
            for result in results:
                mark = "ĐẠT     " if result.met else "THIẾU   "
                self.stdout.write(f"{mark}{result.title}: {result.detail}")
        missing = [result for result in results if not result.met]
        if missing:
            self.stderr.write(f"{len(missing)}/{len(results)} yêu cầu chưa đạt.")
            raise SystemExit(1)
