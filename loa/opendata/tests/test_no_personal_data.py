"""No dataset carries personal data: no column for a citizen's name, contacts, address or IP, and none of a
citizen's submitted contact details (nor a delegate's contact details) in any download."""
from __future__ import annotations

import pytest

from loa.opendata.registry import datasets
from loa.participation.tests.helpers import contact_values

from .portal import build

PERSONAL_WORDS = ("email", "thu_dien_tu", "dien_thoai", "phone", "dia_chi", "address", "ip", "nguoi_gui",
                  "nguoi_hoi", "ho_ten_nguoi", "contact", "lien_he")


@pytest.fixture
def portal(home, library, lookups, settings):
    settings.OPENDATA_RATE_LIMIT = 1000
    return build(home, library, lookups)


def test_no_dataset_has_a_personal_column():
    for dataset in datasets():
        for key in dataset.keys:
            parts = key.split("_")
            assert not any(word == key or word in parts or key.startswith(word + "_") for word in PERSONAL_WORDS), \
                f"{dataset.slug}.{key} looks personal"


def test_no_download_holds_a_citizens_or_delegates_contact_details(client, portal):
    delegate = portal["delegate"]
    forbidden = [*contact_values(), delegate.email, delegate.phone]
    for dataset in datasets():
        for fmt in ("csv", "json"):
            response = client.get(f"/du-lieu-mo/{dataset.slug}.{fmt}")
            body = (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")
            for value in forbidden:
                assert value not in body, f"{value!r} in {dataset.slug}.{fmt}"
    assert "Trần Quốc Hưng" in client.get("/du-lieu-mo/dai-bieu.csv").getvalue().decode("utf-8-sig")
