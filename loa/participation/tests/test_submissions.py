"""The one submission base: every kind is registered, and the one eraser clears every contact field."""
from __future__ import annotations

from loa.participation.submissions import CONTACT_FIELDS, CitizenSubmission, registered


def test_every_submission_kind_is_registered_and_shares_the_contact_fields():
    kinds = registered()
    assert {"questions", "draft_comments"} <= set(kinds)
    for model in kinds.values():
        assert issubclass(model, CitizenSubmission)
        names = {field.name for field in model._meta.get_fields()}
        assert set(CONTACT_FIELDS) | {"reference", "consent_at", "contact_erased_at"} <= names
        assert any(codename == "view_personal_data" for codename, _ in model._meta.permissions)
