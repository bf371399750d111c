"""The Vietnamese catalogues: every entry translated, format strings intact, the shipped .mo
compiled from the .po as it is now (edit the .po, then `make messages`)."""
import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[1] / "loa" / "site" / "locale" / "vi" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]


def entries(catalogue) -> dict[tuple[str, str], tuple[str, ...]]:
    return {
        (e.msgid, e.msgid_plural): (e.msgstr,) if not e.msgid_plural else tuple(e.msgstr_plural[k] for k in sorted(e.msgstr_plural))
        for e in catalogue if not e.obsolete
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_entry_is_translated(domain):
    po = polib.pofile(str(LOCALE / f"{domain}.po"))
    assert len(po) > (500 if domain == "django" else 10)
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_placeholders_survive_translation(domain):
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
    for entry in polib.pofile(str(LOCALE / f"{domain}.po")):
        if not entry.msgid_plural:
            assert sorted(placeholder.findall(entry.msgstr)) == sorted(placeholder.findall(entry.msgid)), entry.msgid
            continue
        allowed = set(placeholder.findall(entry.msgid + entry.msgid_plural))
        for translation in entry.msgstr_plural.values():
            assert set(placeholder.findall(translation)) <= allowed, entry.msgid


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_matches_the_po(domain):
    po = polib.pofile(str(LOCALE / f"{domain}.po"))
    mo = polib.mofile(str(LOCALE / f"{domain}.mo"))
    assert entries(mo) == entries(po), f"run `make messages`: {domain}.mo is older than {domain}.po"
