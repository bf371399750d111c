"""The life of a question: received → assigned (to a ban) → answered → published, or rejected.

Every change goes through `apply()`, which checks that the step is allowed and complete,
records who and when, publishes or withdraws the question's page, and queues the e-mail notices.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction

from loa.core.sanitize import sanitize_html
from loa.core.text import html_to_text

from .notices import queue_notice
from .pages import QuestionIndexPage, QuestionPage
from .records import Question
from .records import QuestionStatus as S


class ModerationError(ValueError):
    """A step that is not allowed or not complete; the message is for the editor (Vietnamese)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Action:
    label: str
    allowed_from: frozenset[str]


ACTIONS: dict[str, Action] = {
    "assign": Action("Chuyển cho ban đã chọn", frozenset({S.RECEIVED, S.ASSIGNED, S.ANSWERED})),
    "answer": Action("Lưu trả lời (chờ công bố)", frozenset({S.RECEIVED, S.ASSIGNED, S.ANSWERED})),
    "publish": Action("Công bố câu hỏi và trả lời", frozenset({S.ANSWERED, S.PUBLISHED})),
    "withdraw": Action("Thu hồi công bố", frozenset({S.PUBLISHED})),
    "reject": Action("Không tiếp nhận (nêu lý do)", frozenset({S.RECEIVED, S.ASSIGNED, S.ANSWERED})),
    "reopen": Action("Tiếp nhận lại", frozenset({S.REJECTED})),
}


def allowed_actions(question: Question) -> list[tuple[str, str]]:
    return [(name, action.label) for name, action in ACTIONS.items() if question.status in action.allowed_from]


def has_answer(question: Question) -> bool:
    return bool(html_to_text(question.answer or "").strip())


def check(question: Question, name: str) -> None:
    action = ACTIONS.get(name)
    if action is None or question.status not in action.allowed_from:
        raise ModerationError(f"Không thể thực hiện bước này khi câu hỏi đang ở trạng thái "
                              f"“{question.get_status_display()}”.")
    if name == "assign" and question.committee_id is None:
        raise ModerationError("Chọn ban được giao trước khi chuyển.", "committee")
    if name in ("answer", "publish") and not has_answer(question):
        raise ModerationError("Nhập nội dung trả lời trước.", "answer")
    if name == "reject" and not question.rejection_reason.strip():
        raise ModerationError("Nêu lý do không tiếp nhận; lý do được gửi cho người dân.", "rejection_reason")
    if name == "publish" and not QuestionIndexPage.objects.exists():
        raise ModerationError("Chưa có trang hỏi đáp để công bố: tạo trang “Trang hỏi đáp” dưới trang chủ.")


@transaction.atomic
def apply(question: Question, name: str, user=None, now: datetime | None = None) -> Question:
    """Perform step `name` on `question` (already holding the editor's field changes) and save it."""
    check(question, name)
    now = now or timezone.now()
    question.answer = sanitize_html(question.answer or "")
    notice = None
    if name == "assign":
        question.status, question.assigned_at = S.ASSIGNED, now
        notice = "assigned"
    elif name == "answer":
        question.status, question.answered_at, question.answered_by = S.ANSWERED, now, user
        notice = "answered"
    elif name == "publish":
        first_time = question.status != S.PUBLISHED
        question.page = publish_page(question, user, now)
        question.status = S.PUBLISHED
        question.published_at = question.published_at or now
        question.closed_at = question.closed_at or now
        notice = "published" if first_time else None
    elif name == "withdraw":
        if question.page is not None and question.page.live:
            UnpublishPageAction(question.page, user=user).execute(skip_permission_checks=True)
        question.status, question.closed_at = S.ANSWERED, None
    elif name == "reject":
        question.status, question.closed_at = S.REJECTED, now
        notice = "rejected"
    elif name == "reopen":
        question.status, question.closed_at, question.rejection_reason = S.RECEIVED, None, ""
    question.save()
    if notice:
        queue_notice(question, notice)
    return question


def publish_page(question: Question, user, now: datetime) -> QuestionPage:
    """Create or update the question's public page and publish it (a revision, as the editor would)."""
    page = QuestionPage.objects.filter(pk=question.page_id).first() if question.page_id else None
    created = page is None
    if created:
        page = QuestionPage(slug=question.reference.lower())
    page.title = question.published_title
    page.reference = question.reference
    page.topic = question.topic
    page.question_text = question.published_content
    page.answer = question.answer
    page.committee_name = question.committee.name if question.committee else "Văn phòng HĐND tỉnh"
    page.asked_on = timezone.localdate(question.created_at)
    page.answered_on = timezone.localdate(question.answered_at or now)
    if created:
        QuestionIndexPage.objects.first().add_child(instance=page)
    # The right to publish answers is the moderation permission (questions.change_question), not page rights.
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return page

