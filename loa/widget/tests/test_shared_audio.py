"""Audio files are named by their content, so an article and a host page may share one: replacing the
article's audio never deletes the file a host page still plays (hook `loa_audio_in_use`)."""
from __future__ import annotations

import pytest

from loa.readaloud.narration.audio_store import audio_path
from loa.readaloud.narration.tasks import delete_unused_audio
from loa.widget.models import WidgetNarration, WidgetPage, WidgetSite

pytestmark = pytest.mark.django_db
NAME = "readaloud/0123456789abcdef0123456789abcdef.mp3"


@pytest.fixture
def audio_file(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    path = audio_path(NAME)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"ID3 audio")
    return path


def test_a_file_a_host_page_plays_is_kept_and_deleted_once_nobody_plays_it(audio_file):
    site = WidgetSite.objects.create(name="Cổng", origins="https://hdnd.example.gov.vn")
    page = WidgetPage.objects.create(site=site, url="https://hdnd.example.gov.vn/tin/1", url_hash="1" * 64)
    narration = WidgetNarration.objects.create(page=page, voice="vi-south-male", key="k", audio_name=NAME)
    assert delete_unused_audio.call(NAME) is False and audio_file.exists()
    narration.delete()
    assert delete_unused_audio.call(NAME) is True and not audio_file.exists()
