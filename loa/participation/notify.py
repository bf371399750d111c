"""E-mail notices, sent only when a mail server is configured (EMAIL_HOST).

Without EMAIL_HOST nothing is sent: the console backend would print citizens' addresses to the
server log. Failures are logged with the notice's subject only (an SMTP error can quote the
recipient's address).
"""
from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def mail_enabled() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", ""))


def staff_addresses(permission: str) -> list[str]:
    """E-mail addresses of the active users who hold `permission` ("app.codename"), superusers included."""
    users = get_user_model().objects.with_perm(permission, include_superusers=True).filter(is_active=True)
    return sorted({user.email for user in users if user.email})


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_notice(subject: str, body: str, recipients: list[str]) -> int:
    """Send one message to each recipient separately (nobody sees the others' addresses); returns how many went."""
    if not mail_enabled():
        return 0
    sent = 0
    for address in recipients:
        try:
            sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        except Exception as exc:  # noqa: BLE001  one bad address must not stop the others; never log it
            logger.warning("participation: could not send notice %r (%s)", subject, type(exc).__name__)
    return sent
