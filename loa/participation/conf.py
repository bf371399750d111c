"""Settings of the citizens' forms, with their defaults (override any PARTICIPATION_* in Django settings)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    # A form sent sooner than this after it was served is refused (people need longer to write).
    "PARTICIPATION_MIN_FILL_SECONDS": 3,
    # A form older than this is refused (its token has expired); the visitor's text is kept.
    "PARTICIPATION_FORM_MAX_AGE": 2 * 24 * 3600,
    # Submissions (every POST to a citizens' form) per client and window, shared by all processes.
    "PARTICIPATION_RATE_LIMIT": 10,
    "PARTICIPATION_RATE_WINDOW": 600,
    # Contact details (name, e-mail, phone, address) are erased this many days after the
    # question is closed (published or rejected) or the draft's consultation has ended.
    "PARTICIPATION_CONTACT_RETENTION_DAYS": 90,
    # /du-lieu-ca-nhan/: attempts to open a submission with its reference and private code, per client
    # and window, and wrong codes per reference and window (whoever tries them).
    "PARTICIPATION_RIGHTS_CHECK_LIMIT": 10,
    "PARTICIPATION_RIGHTS_FAILURE_LIMIT": 5,
    "PARTICIPATION_RIGHTS_WINDOW": 3600,
    # Hours the office has to carry out a citizen's request (Nghị định 13/2023/NĐ-CP: 72 hours to
    # delete data or answer an access request; the office sets what the law in force asks).
    "PARTICIPATION_DELETION_DEADLINE_HOURS": 72,
    "PARTICIPATION_ACCESS_DEADLINE_HOURS": 72,
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
