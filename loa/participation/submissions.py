"""What every citizen's submission (a question, a comment on a draft…) holds about its sender.

One abstract model for the reference number, the contact details and the consent, and one
eraser: a contact field added here is erased everywhere, never missed by one of two copies.
Apps register their concrete models (`register` in AppConfig.ready) so retention and the
citizen's own page (/du-lieu-ca-nhan/) find them all.
"""
from __future__ import annotations

import secrets
from datetime import datetime
from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .references import ALPHABET

CONTACT_FIELDS = ("name", "email", "phone", "address")
CODE_CHARS = 10
_CODE_SALT = "loa.participation.access-code"


def derive_code(reference: str, key: str) -> str:
    """The private code: an HMAC of the reference and the row's random key under the site's secret,
    so the task that mails it recomputes it and neither the database nor the queue holds it."""
    number = int.from_bytes(salted_hmac(_CODE_SALT, f"{reference}:{key}", algorithm="sha256").digest()[:8], "big")
    chars = []
    for _ in range(CODE_CHARS):
        number, index = divmod(number, 32)
        chars.append(ALPHABET[index])
    return "".join(chars)


class CitizenSubmission(models.Model):
    reference = models.CharField("Mã số", max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField("Ngày gửi", auto_now_add=True)
    # Personal data: never public, erased PARTICIPATION_CONTACT_RETENTION_DAYS after closing.
    name = models.CharField("Họ và tên", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", max_length=254, blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    consent_at = models.DateTimeField("Thời điểm đồng ý xử lý dữ liệu", editable=False)
    contact_erased_at = models.DateTimeField("Đã xoá thông tin liên hệ lúc", null=True, blank=True, editable=False)
    consent_withdrawn_at = models.DateTimeField("Rút lại đồng ý lúc", null=True, blank=True, editable=False)
    # The citizen's private code is derived from this and the site's secret (loa/participation/access.py):
    # neither the database alone nor the task queue ever holds the code itself.
    access_key = models.CharField(max_length=32, blank=True, default="", editable=False)

    # The date, on the submission or what it is about, when its matter closed (null while open).
    closed_field: ClassVar[str]

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        permissions = [("view_personal_data", "Xem và xuất thông tin liên hệ của người dân gửi")]

    def save(self, *args, **kwargs) -> None:
        if not self.access_key:
            self.access_key = secrets.token_hex(16)
        super().save(*args, **kwargs)

    @property
    def contact_erased(self) -> bool:
        return self.contact_erased_at is not None

    @property
    def access_code(self) -> str:
        """The private code the citizen received with the reference number ("" for older submissions)."""
        if not self.access_key:
            return ""
        code = derive_code(self.reference, self.access_key)
        return f"{code[:5]}-{code[5:]}"

    def summary(self) -> list[tuple[str, str]]:
        """What was sent, as (label, text) pairs shown to the citizen on /du-lieu-ca-nhan/."""
        return []

    def forget(self) -> None:
        """Delete the submission for good (a citizen's deletion request); subclasses remove what it published."""
        self.delete()

    @classmethod
    def closed_before(cls, cutoff: datetime) -> models.QuerySet:
        """The submissions whose matter closed before `cutoff` (their contact details may go)."""
        return cls.objects.filter(**{f"{cls.closed_field}__lt": cutoff})


def erase_contacts(queryset: models.QuerySet) -> int:
    """Erase every contact field of the submissions in `queryset` not erased yet; returns how many."""
    return queryset.filter(contact_erased_at__isnull=True).update(
        **dict.fromkeys(CONTACT_FIELDS, ""), contact_erased_at=timezone.now())


_registry: dict[str, type[CitizenSubmission]] = {}


def register(name: str, model: type[CitizenSubmission]) -> None:
    _registry[name] = model


def kind_of(submission: CitizenSubmission) -> str:
    return next(name for name, model in _registry.items() if isinstance(submission, model))


def registered() -> dict[str, type[CitizenSubmission]]:
    return dict(sorted(_registry.items()))

