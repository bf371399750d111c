import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from loa.core.management.commands.serve import static_fingerprint
from loa.core.site_address import AddressError, parse_public_url, public_address

pytestmark = pytest.mark.django_db


def test_prepare_creates_admin_once_with_env_password(monkeypatch, settings, tmp_path, capsys):
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("LOA_ADMIN_PASSWORD", "mat-khau-thu-nghiem-1")
    monkeypatch.setattr("django.core.management.call_command", call_command)
    call_command("serve", "--prepare-only", "--no-demo")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("mat-khau-thu-nghiem-1")
    assert (settings.STATIC_ROOT / "pages" / "css" / "site.css").exists()  # collectstatic ran into STATIC_ROOT
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


def test_static_fingerprint_changes_with_a_static_file_and_only_then(settings, tmp_path):
    extra = tmp_path / "extra-static"
    extra.mkdir()
    (extra / "loa-test.css").write_text("a { color: red }")
    settings.STATICFILES_DIRS = [extra]
    before = static_fingerprint()
    assert static_fingerprint() == before
    (extra / "loa-test.css").write_text("a { color: blue; }")
    changed = static_fingerprint()
    assert changed != before
    (extra / "new.js").write_text("")
    assert static_fingerprint() not in (before, changed)


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, ("127.0.0.1", 8123)),
    ({"LOA_PUBLIC_URL": "https://hdnd.example.gov.vn"}, ("hdnd.example.gov.vn", 443)),
    ({"WAGTAILADMIN_BASE_URL": "http://portal.example.vn:8080/"}, ("portal.example.vn", 8080)),
])
def test_the_public_address_comes_from_the_environment_else_the_listen_address(environ, expected):
    assert public_address("127.0.0.1", 8123, environ) == expected
    assert public_address("0.0.0.0", 8123, {}) is None


def test_a_malformed_public_address_is_a_clear_error():
    for url in ("hdnd.example.gov.vn", "ftp://x.vn", "http://x.vn:443", "https://x.vn:99999"):
        with pytest.raises(AddressError):
            parse_public_url(url)


def test_serve_keeps_the_default_site_in_step_with_its_address(client, monkeypatch, settings, tmp_path, capsys):
    """The sitemap and the API's URLs name the address the portal is served on, not http://localhost/."""
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.delenv("LOA_PUBLIC_URL", raising=False)
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    monkeypatch.setenv("LOA_ADMIN_PASSWORD", "mat-khau-thu-nghiem-2")
    call_command("serve", "--prepare-only", "--no-demo", "--host", "127.0.0.1", "--port", "8123")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    assert "http://127.0.0.1:8123/" in client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content.decode()
    monkeypatch.setenv("LOA_PUBLIC_URL", "https://hdnd.example.gov.vn")
    call_command("serve", "--prepare-only", "--no-demo", "--host", "127.0.0.1", "--port", "8000")
    assert Site.objects.get(is_default_site=True).root_url == "https://hdnd.example.gov.vn"
    monkeypatch.setenv("LOA_PUBLIC_URL", "hdnd.example.gov.vn")
    with pytest.raises(CommandError, match="LOA_PUBLIC_URL"):
        call_command("serve", "--prepare-only", "--no-demo")
