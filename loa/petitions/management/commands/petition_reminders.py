from django.core.management.base import BaseCommand

from loa.petitions.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = ("Gửi thư nhắc biên tập viên các kiến nghị cử tri quá hạn hoặc sắp đến hạn trả lời "
            "(chỉ khi có máy chủ thư EMAIL_HOST; mỗi ngày một lần).")

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{send_deadline_reminders()} thư đã gửi")
