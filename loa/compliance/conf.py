"""Settings of the compliance check, with their defaults (override any COMPLIANCE_* in Django settings)."""
from __future__ import annotations

from typing import Any

from loa.core.conf import app_setting

DEFAULTS: dict[str, object] = {
    # The pages Nghị định 42/2022/NĐ-CP asks for (slug of a live page, under the home page or below).
    "COMPLIANCE_REQUIRED_PAGES": {
        "gioi-thieu": "Giới thiệu",
        "chuc-nang-nhiem-vu": "Chức năng, nhiệm vụ",
        "co-cau-to-chuc": "Cơ cấu tổ chức",
        "lanh-dao": "Lãnh đạo",
        "lien-he": "Liên hệ",
    },
    # Where the nightly `loa backup` writes (deploy/systemd/loa-backup.service) and how old the newest may be.
    "COMPLIANCE_BACKUP_DIR": "/srv/loa/backups",
    "COMPLIANCE_BACKUP_MAX_AGE_HOURS": 30,
    # The last axe-core run (`loa record-axe FILE`) counts for this many days.
    "COMPLIANCE_AXE_MAX_AGE_DAYS": 90,
}


def get(name: str) -> Any:
    return app_setting(name, DEFAULTS)
