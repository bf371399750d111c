"""A daily mail to the editors who handle petitions: those past their deadline and those due soon.

Only with a mail server (EMAIL_HOST); at most once per local day (the day is recorded), so `loa serve`
can call it every hour and cron once a day.
"""
from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from loa.participation.notify import admin_url, mail_enabled, send_notice, staff_addresses

from . import conf
from .deadlines import deadline_rows
from .models import ReminderDay
from .status import local_today

PERMISSION = "petitions.change_petitionpage"


def reminder_text(overdue: list, soon: list, today: date) -> tuple[str, str]:
    subject = f"Kiến nghị cử tri: {len(overdue)} quá hạn, {len(soon)} sắp đến hạn ({today:%d/%m/%Y})"
    lines = [f"Các kiến nghị chưa có trả lời, tính đến ngày {today:%d/%m/%Y}:", ""]
    for heading, rows in (("QUÁ HẠN", overdue), (f"ĐẾN HẠN TRONG {conf.get('PETITIONS_REMINDER_DAYS')} NGÀY", soon)):
        if rows:
            lines.append(f"{heading} ({len(rows)})")
            for p in rows:
                lines.append(f"- {p.code + ': ' if p.code else ''}{p.title} – {p.agency.name}, hạn {p.deadline:%d/%m/%Y}"
                             f" – {admin_url(f'/admin/pages/{p.pk}/edit/')}")
            lines.append("")
    lines.append(f"Danh sách đầy đủ: {admin_url('/admin/petitions_deadlines/')}")
    return subject, "\n".join(lines)


def send_deadline_reminders(today: date | None = None) -> int:
    """Mail the editors once today; returns how many messages went (0 without a mail server or nothing due)."""
    if not mail_enabled():
        return 0
    today = today or local_today()
    overdue, soon = deadline_rows(today, conf.get("PETITIONS_REMINDER_DAYS"))
    if not overdue and not soon:
        return 0
    try:
        with transaction.atomic():
            ReminderDay.objects.create(day=today)
    except IntegrityError:
        return 0  # already sent today (by this process or another)
    subject, body = reminder_text(overdue, soon, today)
    sent = send_notice(subject, body, staff_addresses(PERMISSION))
    ReminderDay.objects.filter(day=today).update(sent=sent)
    return sent
