"""Bytes of an old page -> text: the declared charset, else UTF-8, else windows-1252 (where TCVN3/VNI pages land)."""
from __future__ import annotations

import codecs
import re

META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_\-]+)""", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_html(data: bytes, declared: str | None = None) -> str:
    head = data[:4096]
    found = META_CHARSET.search(head) or XML_ENCODING.search(head)
    for name in (_codec(declared), _codec(found.group(1).decode("ascii")) if found else None, "utf-8"):
        if not name:
            continue
        if name in ("latin-1", "iso8859-1", "ascii"):
            name = "cp1252"  # what browsers do with these labels
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")
