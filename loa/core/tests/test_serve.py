import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from loa.core.management.commands.serve import static_fingerprint

pytestmark = pytest.mark.django_db


def test_prepare_creates_admin_once_with_env_password(monkeypatch, settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("LOA_ADMIN_PASSWORD", "mat-khau-thu-nghiem-1")
    monkeypatch.setattr("django.core.management.call_command", call_command)
    call_command("serve", "--prepare-only", "--no-demo")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("mat-khau-thu-nghiem-1")
    assert (settings.STATIC_ROOT / "staticfiles.json").exists() or (settings.STATIC_ROOT / "pages").exists()
    monkeypatch.delenv("LOA_ADMIN_PASSWORD")
    call_command("serve", "--prepare-only", "--no-demo")
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert "Mật khẩu (chỉ hiện một lần)" not in capsys.readouterr().out


def test_generated_admin_password_is_printed(monkeypatch, settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.delenv("LOA_ADMIN_PASSWORD", raising=False)
    call_command("serve", "--prepare-only", "--no-demo")
    out = capsys.readouterr().out
    password = out.split("Mật khẩu (chỉ hiện một lần): ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_static_fingerprint_is_stable():
    assert static_fingerprint() == static_fingerprint()
