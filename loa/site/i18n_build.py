"""Write loa/site/locale/vi/LC_MESSAGES/{django,djangojs}.po from admin_vi.py and compile them.

    .venv/bin/python -m loa.site.i18n_build
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .admin_vi import JS, T

OUT = Path(__file__).resolve().parent / "locale" / "vi" / "LC_MESSAGES"
HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: loa\\n"\n'
    '"Language: vi\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=1; plural=0;\\n"\n'
)


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def render(entries: dict[str, str]) -> str:
    parts = [HEADER]
    for msgid, msgstr in entries.items():
        if "\x00" in msgid:
            singular, plural = msgid.split("\x00")
            parts.append(f"msgid {quote(singular)}\nmsgid_plural {quote(plural)}\nmsgstr[0] {quote(msgstr)}\n")
        else:
            parts.append(f"msgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n")
    return "\n".join(parts)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for domain, entries in (("django", T), ("djangojs", JS)):
        po = OUT / f"{domain}.po"
        po.write_text(render(entries), encoding="utf-8")
        subprocess.run(["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
        print(f"{po}: {len(entries)} chuỗi")
    return 0


if __name__ == "__main__":
    sys.exit(main())
