from datetime import timedelta

import pytest
from django.utils import timezone

from loa.participation.tests.fixtures import *  # noqa: F403


@pytest.fixture
def consultations(home):
    from loa.consultations.models import ConsultationIndexPage

    index = ConsultationIndexPage(title="Góp ý dự thảo", slug="gop-y-du-thao", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_draft(consultations):
    from loa.consultations.models import DraftPage

    def make(title="Dự thảo Nghị quyết về học phí", opens_in=-1, closes_in=7, **fields):
        now = timezone.now()
        draft = DraftPage(title=title, summary="Tóm tắt dự thảo.", opens_at=fields.pop("opens_at", now + timedelta(days=opens_in)),
                          closes_at=fields.pop("closes_at", now + timedelta(days=closes_in)),
                          body=[{"type": "paragraph", "value": {"text": "<p>Điều 1. Phạm vi điều chỉnh.</p>",
                                                                "skip_reading": False}}], **fields)
        consultations.add_child(instance=draft)
        draft.save_revision().publish()
        return draft

    return make
