"""E-mail notices about questions (django-tasks): addresses are looked up when the mail is sent,
so the task queue never holds a citizen's address and erased details are never mailed."""
from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from loa.participation.notify import admin_url, send_notice, staff_addresses

from .records import Question


def _compose(question: Question, kind: str) -> tuple[str, str, list[str]]:
    edit = admin_url(reverse("questions:edit", args=[question.pk]))
    if kind == "received":
        return (f"Câu hỏi mới {question.reference}: {question.title}",
                f"Cổng thông tin vừa nhận câu hỏi {question.reference}.\nXem và xử lý: {edit}\n",
                staff_addresses("questions.change_question"))
    if kind == "assigned":
        recipients = [question.committee.email] if question.committee and question.committee.email else []
        return (f"Câu hỏi {question.reference} được chuyển đến {question.committee}",
                f"Văn phòng chuyển câu hỏi {question.reference} “{question.title}” để ban trả lời.\n"
                f"Xem câu hỏi: {edit}\n", recipients)
    if kind == "answered":
        return (f"Câu hỏi {question.reference} đã có trả lời, chờ công bố",
                f"Câu hỏi {question.reference} đã có nội dung trả lời. Xem và công bố: {edit}\n",
                staff_addresses("questions.change_question"))
    citizen = [question.email] if question.email and not question.contact_erased else []
    if kind == "published":
        url = question.page.full_url if question.page else ""
        return (f"Câu hỏi {question.reference} của bạn đã được trả lời",
                f"Câu hỏi mã số {question.reference} bạn gửi Hội đồng nhân dân tỉnh đã được trả lời.\n"
                f"Xem câu trả lời: {url}\n", citizen)
    if kind == "rejected":
        return (f"Câu hỏi {question.reference} chưa được tiếp nhận",
                f"Câu hỏi mã số {question.reference} bạn gửi Hội đồng nhân dân tỉnh không được tiếp nhận.\n"
                f"Lý do: {question.rejection_reason}\n", citizen)
    raise ValueError(f"unknown notice {kind!r}")


@task()
def send_question_notice(question_id: int, kind: str) -> int:
    question = Question.objects.select_related("committee", "page").filter(pk=question_id).first()
    if question is None:
        return 0
    subject, body, recipients = _compose(question, kind)
    return send_notice(subject, body, recipients)
