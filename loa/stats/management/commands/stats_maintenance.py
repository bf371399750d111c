from django.core.management.base import BaseCommand

from loa.stats.backends import get_collector
from loa.stats.maintenance import run_maintenance


class Command(BaseCommand):
    help = "Đổi muối băm theo ngày, xoá dữ liệu theo người truy cập quá hạn và đưa số liệu đang chờ vào cơ sở dữ liệu."

    def handle(self, *args, **options) -> None:
        get_collector().flush()
        result = run_maintenance()
        self.stdout.write(
            f"salts deleted: {result.salts_deleted}, visitor states deleted: {result.visitor_states_deleted}, "
            f"batch ids deleted: {result.batches_deleted}, long-tail rows folded: {result.tail_rows_folded}"
        )
