from django.core.management.base import BaseCommand

from loa.participation.retention import erase_expired_contacts


class Command(BaseCommand):
    help = ("Xoá thông tin liên hệ (họ tên, thư điện tử, điện thoại, địa chỉ) của người dân sau thời hạn lưu "
            "(PARTICIPATION_CONTACT_RETENTION_DAYS ngày kể từ khi câu hỏi đóng hoặc dự thảo hết hạn góp ý).")

    def handle(self, *args, **options) -> None:
        result = erase_expired_contacts()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in result.items()) or "nothing registered")
