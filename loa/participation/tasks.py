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


@task()
def send_request_notice(request_id: int) -> int:
    """Tell the office a deletion request arrived and by when the law wants it done (no citizen data)."""
    from django.utils import timezone

    from .models import DataRequest
    from .notify import admin_url, staff_addresses

    request = DataRequest.objects.filter(pk=request_id).first()
    if request is None:
        return 0
    due = timezone.localtime(request.due_at).strftime("%H:%M %d/%m/%Y")
    link = admin_url(reverse("personal_data_requests:edit", args=[request.pk]))
    body = (f"Người dân yêu cầu {request.get_kind_display().lower()} nội dung mã số {request.reference}.\n"
            f"Hạn xử lý: {due}.\nXử lý tại: {link}\n")
    return send_notice(f"Yêu cầu về dữ liệu cá nhân {request.reference}, hạn {due}", body,
                       staff_addresses("participation.change_datarequest"))
