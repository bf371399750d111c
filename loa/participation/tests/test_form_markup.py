"""The citizens' form fields render valid HTML autocomplete tokens (WCAG 1.3.5, HTML's autofill rules)."""
from __future__ import annotations

import re

from loa.participation.forms import CitizenForm

# Tokens that name several lines: allowed on <textarea> only (HTML's autofill field names).
MULTILINE_TOKENS = {"street-address"}


def input_autocompletes(html: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        name = re.search(r'\bname="([^"]+)"', tag)
        token = re.search(r'\bautocomplete="([^"]+)"', tag)
        if name and token:
            found[name.group(1)] = token.group(1)
    return found


def test_no_one_line_input_asks_for_a_multiline_token():
    tokens = input_autocompletes(str(CitizenForm()))
    assert tokens["address"] == "address-line1"
    assert {name for name, token in tokens.items() if token in MULTILINE_TOKENS} == set()
