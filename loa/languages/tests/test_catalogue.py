"""Every public string wrapped in {% translate %} has its English translation, and the shipped .mo is
compiled from the .po as it is now (`make messages`)."""
from __future__ import annotations

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[3]
ENGLISH = ROOT / "loa" / "site" / "locale" / "en" / "LC_MESSAGES"
TRANSLATE = re.compile(r'{%\s*translate\s+"([^"]+)"\s*%}')


def public_templates() -> list[Path]:
    return [path for path in (ROOT / "loa").rglob("templates/**/*.html")
            if "admin" not in path.parts and TRANSLATE.search(path.read_text(encoding="utf-8"))]


def test_every_translated_public_string_has_english():
    english = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ENGLISH / "django.po"))}
    templates = public_templates()
    assert any(path.name == "base.html" for path in templates)
    for path in templates:
        for msgid in TRANSLATE.findall(path.read_text(encoding="utf-8")):
            assert english.get(msgid), f"{path.relative_to(ROOT)}: no English for {msgid!r}"


def test_the_compiled_english_catalogue_matches_the_po():
    po = {(e.msgid, e.msgstr) for e in polib.pofile(str(ENGLISH / "django.po"))}
    mo = {(e.msgid, e.msgstr) for e in polib.mofile(str(ENGLISH / "django.mo")) if e.msgid}
    assert mo == po, "run `make messages`"
