"""The receipt mailed to a citizen who left an address: the reference and the private code.

The task holds the submission's kind and id only; the address is read and the code recomputed
when the mail is sent (nothing personal or secret waits in the queue).
"""
from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from .notify import send_notice
from .submissions import registered


@task()
def send_receipt(kind: str, pk: int) -> int:
    model = registered().get(kind)
    submission = model.objects.filter(pk=pk).first() if model else None
    if submission is None or not submission.email or submission.contact_erased or not submission.access_code:
        return 0
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("personal_data")
    body = (f"Văn phòng đã nhận nội dung bạn gửi, mã số {submission.reference}.\n"
            f"Mã riêng của bạn: {submission.access_code}\n\n"
            f"Với mã số và mã riêng, tại {link} bạn có thể xem dữ liệu chúng tôi lưu, rút lại sự đồng ý "
            "hoặc yêu cầu xoá. Đừng chia sẻ mã riêng với người khác.\n")
    return send_notice(f"Đã nhận nội dung mã số {submission.reference}", body, [submission.email])
