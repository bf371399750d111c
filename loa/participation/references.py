"""Reference numbers given to citizens ("mã số"): a prefix, the year and six random characters.

Random rather than sequential, so nobody can count the office's mail or guess another's number;
Crockford's alphabet (no I, L, O, U) so a number read over the phone is not mistaken.
"""
from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_CHARS = 6
ATTEMPTS = 8


def new_reference(prefix: str) -> str:
    year = timezone.localdate().year
    return f"{prefix}-{year}-{''.join(secrets.choice(ALPHABET) for _ in range(RANDOM_CHARS))}"


def save_with_reference(instance, prefix: str, field: str = "reference") -> None:
    """Save a new `instance` under a fresh unique reference (retrying the rare collision)."""
    for attempt in range(ATTEMPTS):
        setattr(instance, field, new_reference(prefix))
        try:
            with transaction.atomic():
                instance.save()
            return
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
