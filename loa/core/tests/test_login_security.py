"""Admin login throttling (django-axes, shared cache) and password reset only with a mail server."""
from __future__ import annotations

import pytest
from django.core.cache import caches

from loa.core.ratelimit import ALIAS

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def empty_limits():
    caches[ALIAS].clear()
    yield
    caches[ALIAS].clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("bientap", password="mat-khau-dung-2025", is_staff=True)


def attempt(client, username: str, password: str, ip: str = "203.0.113.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("username", ["bientap", "khong-ton-tai"])
def test_five_failures_lock_the_name_for_that_client_with_a_vietnamese_429(client, editor, username):
    for _ in range(4):
        assert attempt(client, username, "sai").status_code == 200  # the form again, with its error
    locked = attempt(client, username, "sai")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    html = locked.content.decode()
    assert "Tạm khóa đăng nhập" in html and "15 phút" in html and 'lang="vi"' in html
    # Even the right password is refused now, for existing and unknown names alike.
    assert attempt(client, username, "mat-khau-dung-2025").status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_name_and_client(client, editor):
    for _ in range(5):
        attempt(client, "bientap", "sai")
    assert attempt(client, "bientap", "mat-khau-dung-2025").status_code == 429
    # Another client (another /64) and another name from the locked client are not affected.
    other = attempt(client, "bientap", "mat-khau-dung-2025", ip="2001:db8:5::1")
    assert other.status_code == 302 and client.session["_auth_user_id"] == str(editor.pk)
    client.logout()
    assert attempt(client, "nguoi-khac", "sai").status_code == 200


def test_a_rotating_ipv6_address_inside_one_64_is_one_client(client, editor):
    for n in range(5):
        attempt(client, "bientap", "sai", ip=f"2001:db8:7:1::{n + 1:x}")
    assert attempt(client, "bientap", "mat-khau-dung-2025", ip="2001:db8:7:1::ff").status_code == 429


def test_failures_are_kept_in_the_shared_limits_cache_without_any_address(client, editor):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for _ in range(3):
        attempt(client, "bientap", "sai", ip="198.51.100.77")
    assert not AccessAttempt.objects.exists() and not AccessFailureLog.objects.exists()
    assert not AccessLog.objects.exists()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM loa_limits")
        rows = cursor.fetchall()
    assert rows, "the failures must be in the shared limits table"
    assert not any("198.51.100.77" in key or "198.51.100.77" in value for key, value in rows)


def test_a_successful_login_clears_earlier_failures(client, editor):
    for _ in range(4):
        attempt(client, "bientap", "sai")
    assert attempt(client, "bientap", "mat-khau-dung-2025").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "bientap", "sai").status_code == 200


# -- password reset -------------------------------------------------------------------------------

RESET_URLS = ["/admin/password_reset/", "/admin/password_reset/done/", "/admin/password_reset/complete/",
              "/admin/password_reset/confirm/MQ/set-password/"]


@pytest.mark.parametrize("url", RESET_URLS)
def test_without_a_mail_server_password_reset_is_404(client, url):
    assert client.get(url).status_code == 404


def test_without_a_mail_server_nothing_is_mailed_or_offered(client, editor, mailoutbox):
    editor.email = "bientap@example.vn"
    editor.save()
    assert client.post("/admin/password_reset/", {"email": "bientap@example.vn"}).status_code == 404
    assert mailoutbox == []
    assert "password_reset" not in client.get(LOGIN).content.decode()


def test_with_a_mail_server_reset_links_use_the_configured_address(client, editor, settings, mailoutbox):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    settings.WAGTAILADMIN_BASE_URL = "https://hdnd.example.gov.vn"
    editor.email = "bientap@example.vn"
    editor.save()
    response = client.post("/admin/password_reset/", {"email": "bientap@example.vn"}, HTTP_HOST="localhost")
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "https://hdnd.example.gov.vn/admin/password_reset/confirm/" in mailoutbox[0].body
