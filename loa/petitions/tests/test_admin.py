"""Office work: the deadline list, recording a step (logged, never edited), the reminder mail."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from wagtail.models import ModelLogEntry

from loa.petitions.models import ReminderDay, StatusChange
from loa.petitions.reminders import send_deadline_reminders
from loa.petitions.status import Status, local_today

from .conftest import add_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(index, lookups):
    today = local_today()
    late = add_petition(index, lookups, title="Đường tỉnh 826", received=today - timedelta(days=60),
                        deadline=today - timedelta(days=3), code="KN-1")
    soon = add_petition(index, lookups, title="Đèn tín hiệu", received=today - timedelta(days=20),
                        deadline=today + timedelta(days=4))
    add_petition(index, lookups, title="Cầu Bà Chín", received=today - timedelta(days=20),
                 deadline=today + timedelta(days=40))
    return late, soon


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser("admin", "bientap@example.vn", "mat-khau-dai-2025")
    client.force_login(user)
    return user


def test_deadline_list(client, admin, due):
    html = client.get("/admin/petitions_deadlines/").content.decode()
    assert "Quá hạn (1)" in html and "Sắp đến hạn (1)" in html
    assert "KN-1: Đường tỉnh 826" in html and "3 ngày" in html and "Cầu Bà Chín" not in html


def test_a_step_is_recorded_with_its_author_logged_and_never_edited(client, admin, due):
    late, _ = due
    form = client.get(f"/admin/petition_status/new/?petition={late.pk}").content.decode()
    assert f'<option value="{late.pk}" selected>' in form
    response = client.post("/admin/petition_status/new/", {"petition": late.pk, "status": Status.FORWARDED,
                                                           "date": local_today().isoformat(), "note": "Chuyển Sở."})
    assert response.status_code == 302
    step = StatusChange.objects.get(petition=late, status=Status.FORWARDED)
    assert step.recorded_by == admin
    late.refresh_from_db()
    assert late.status == Status.FORWARDED
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(step.pk)).exists()
    listing = client.get("/admin/petition_status/").content.decode()
    assert "Đường tỉnh 826" in listing and "/admin/petition_status/edit/" not in listing
    assert client.get(f"/admin/petition_status/edit/{step.pk}/").status_code == 404
    assert client.get(f"/admin/petition_status/delete/{step.pk}/").status_code == 404
    # A step going back is refused with the reason, and nothing is recorded.
    html = client.post("/admin/petition_status/new/", {"petition": late.pk, "status": Status.RECEIVED,
                                                       "date": local_today().isoformat()}).content.decode()
    assert "Không thể chuyển từ “Đã chuyển” sang “Tiếp nhận”" in html
    assert late.status_changes.count() == 2


def test_no_reminder_without_a_mail_server(settings, due):
    settings.EMAIL_HOST = ""
    assert send_deadline_reminders() == 0 and not ReminderDay.objects.exists()


def test_reminder_goes_once_a_day_to_the_editors(settings, due):
    settings.EMAIL_HOST = "smtp.example.vn"
    settings.WAGTAILADMIN_BASE_URL = "https://hdnd.example.gov.vn"
    User = get_user_model()
    editor = User.objects.create_user("bientap", "bientap@example.vn", "x")
    editor.user_permissions.add(Permission.objects.get(codename="change_petitionpage"))
    User.objects.create_user("khac", "khac@example.vn", "x")
    assert send_deadline_reminders() == 1
    assert send_deadline_reminders() == 0  # already sent today
    (message,) = mail.outbox
    assert message.to == ["bientap@example.vn"]
    assert message.subject.startswith("Kiến nghị cử tri: 1 quá hạn, 1 sắp đến hạn")
    assert "KN-1: Đường tỉnh 826 – Sở Giao thông vận tải" in message.body
    assert "https://hdnd.example.gov.vn/admin/pages/" in message.body and "Cầu Bà Chín" not in message.body


def test_the_reminder_command(settings, due):
    import io

    from django.core.management import call_command

    settings.EMAIL_HOST = "smtp.example.vn"
    settings.WAGTAILADMIN_BASE_URL = "https://hdnd.example.gov.vn"
    get_user_model().objects.create_superuser("truongphong", "tp@example.vn", "x")
    out = io.StringIO()
    call_command("petition_reminders", stdout=out)
    assert out.getvalue().strip() == "1 thư đã gửi" and mail.outbox[0].to == ["tp@example.vn"]
