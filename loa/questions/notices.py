"""Queueing the e-mail notices about a question (sent by tasks.py once the change is committed)."""
from __future__ import annotations

from django.db import transaction

from loa.participation.notify import mail_enabled

from .records import Question


def queue_notice(question: Question, kind: str) -> None:
    if not mail_enabled():
        return
    from .tasks import send_question_notice

    question_id = question.pk
    transaction.on_commit(lambda: send_question_notice.enqueue(question_id, kind))
