"""The citizen's private code and how a reference and code open a submission.

The code (loa.participation.submissions.derive_code) is ten characters of Crockford's alphabet
(50 bits), shown as XXXXX-XXXXX; confusable letters typed for digits are accepted.

Checks are limited per client and, for wrong codes, per reference (hashed keys), and answer the
same whether the reference exists or not.
"""
from __future__ import annotations

import hashlib
import hmac

from django.http import HttpRequest

from loa.core.ratelimit import client_over_limit, over_limit

from . import conf
from .submissions import CitizenSubmission, derive_code, registered

_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "-": None, " ": None})


def normalize_code(text: str) -> str:
    return (text or "").upper().translate(_CONFUSABLE)


def _find(reference: str) -> CitizenSubmission | None:
    for model in registered().values():
        found = model.objects.filter(reference__iexact=reference.strip()).first()
        if found is not None:
            return found
    return None


def open_submission(reference: str, code: str) -> CitizenSubmission | None:
    """The submission with this reference if the code is its own, else None (the same work either way)."""
    submission = _find(reference) if reference.strip() else None
    expected = derive_code(submission.reference, submission.access_key) if submission and submission.access_key \
        else derive_code("-", "-")
    if hmac.compare_digest(expected, normalize_code(code)) and submission and submission.access_key:
        return submission
    return None


def checks_left(request: HttpRequest) -> int | None:
    """Count one check for the client; None if allowed, else the seconds until it may try again."""
    return client_over_limit(request, "rights-check", int(conf.get("PARTICIPATION_RIGHTS_CHECK_LIMIT")),
                             int(conf.get("PARTICIPATION_RIGHTS_WINDOW")))


def _reference_key(reference: str) -> str:
    return hashlib.sha256(f"loa.participation.rights:{reference.strip().upper()}".encode()).hexdigest()[:32]


def reference_locked(reference: str) -> bool:
    """Whether the reference has had too many wrong codes this window (checked before a code is tried)."""
    return over_limit("rights-failed", _reference_key(reference), int(conf.get("PARTICIPATION_RIGHTS_FAILURE_LIMIT")),
                      int(conf.get("PARTICIPATION_RIGHTS_WINDOW")), cost=0) is not None


def count_failure(reference: str) -> None:
    over_limit("rights-failed", _reference_key(reference), int(conf.get("PARTICIPATION_RIGHTS_FAILURE_LIMIT")),
               int(conf.get("PARTICIPATION_RIGHTS_WINDOW")))
