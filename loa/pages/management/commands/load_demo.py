from django.core.management.base import BaseCommand

from loa.pages.demo.loader import load_demo


class Command(BaseCommand):
    help = "Tạo nội dung mẫu (trang chủ, chuyên mục, tin bài, quảng cáo, quy trình duyệt) nếu chưa có."

    def handle(self, *args, **options) -> None:
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Đã tạo nội dung mẫu."))
        else:
            self.stdout.write("Nội dung mẫu đã có sẵn, không thay đổi gì.")
