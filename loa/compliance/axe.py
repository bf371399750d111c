"""Reading an axe-core result file into an `AccessibilityRun`.

Accepts what axe.run() returns for one page ({"url", "violations": [...]}) or a list of those (one
per page checked), as the browser tests or an operator's own run write them.
"""
from __future__ import annotations

import json
from pathlib import Path

from .models import AccessibilityRun


class AxeFileError(ValueError):
    pass


def record(path: Path) -> AccessibilityRun:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AxeFileError(f"Không đọc được {path}: {exc}") from exc
    results = data if isinstance(data, list) else [data]
    if not results or not all(isinstance(item, dict) and isinstance(item.get("violations"), list) for item in results):
        raise AxeFileError(f"{path} không phải kết quả của axe-core (thiếu danh sách violations).")
    lines = []
    total = 0
    for item in results:
        for violation in item["violations"]:
            nodes = len(violation.get("nodes", [])) or 1
            total += nodes
            lines.append(f"{item.get('url', '?')}: {violation.get('id', '?')} ({violation.get('impact', '')}) × {nodes}")
    return AccessibilityRun.objects.create(pages=len(results), violations=total, summary="\n".join(lines))
