"""Settings read from the environment: HSTS with HTTPS=1, a mail server requires WAGTAILADMIN_BASE_URL.

Each case imports loa.site.settings in a new interpreter with the given environment.
"""
from __future__ import annotations

import os
import subprocess
import sys


def settings_with(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in {"HTTPS", "EMAIL_HOST", "WAGTAILADMIN_BASE_URL", "SECURE_HSTS_SECONDS", "DJANGO_SETTINGS_MODULE"}}
    code = f"from loa.site import settings as s; print({expression})"
    return subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True, timeout=60)


def test_https_turns_hsts_on_by_default():
    result = settings_with({"HTTPS": "1"}, "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "31536000 True"
    assert settings_with({"HTTPS": "1", "SECURE_HSTS_SECONDS": "600"}, "s.SECURE_HSTS_SECONDS").stdout.strip() == "600"
    assert settings_with({}, "getattr(s, 'SECURE_HSTS_SECONDS', 0)").stdout.strip() == "0"


def test_a_mail_server_without_the_site_address_is_refused():
    refused = settings_with({"EMAIL_HOST": "smtp.example.vn"}, "s.EMAIL_HOST")
    assert refused.returncode != 0
    assert "WAGTAILADMIN_BASE_URL" in refused.stderr
    accepted = settings_with({"EMAIL_HOST": "smtp.example.vn", "WAGTAILADMIN_BASE_URL": "https://hdnd.example.gov.vn/"},
                             "s.WAGTAIL_PASSWORD_RESET_ENABLED, s.WAGTAILADMIN_BASE_URL")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.strip() == "True https://hdnd.example.gov.vn"
    assert settings_with({}, "s.WAGTAIL_PASSWORD_RESET_ENABLED").stdout.strip() == "False"
