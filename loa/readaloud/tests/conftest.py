from __future__ import annotations

import pytest

from loa.pages.tests.factories import make_category, make_home
from loa.speech.engines.espeak import EspeakEngine

from .helpers import publish_article


@pytest.fixture(autouse=True)
def fresh_audio_dirs(settings, tmp_path):
    """Each test starts with an empty sentence cache and audio directory."""
    settings.READALOUD_CACHE_DIR = tmp_path / "chunks"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.READALOUD_VOICES_DIR = tmp_path / "voices"
    from loa.readaloud.listening import audio_serving

    audio_serving._files.clear()
    return tmp_path


@pytest.fixture
def category(db):
    from loa.pages.demo.loader import ensure_roots

    ensure_roots()  # an earlier transactional test may have flushed Wagtail's root page
    return make_category(make_home())


@pytest.fixture
def article(category):
    return publish_article(category)


@pytest.fixture
def synthesis_calls(monkeypatch) -> list[str]:
    """Spy on the real eSpeak NG engine: records every text it synthesizes (and still synthesizes it)."""
    calls: list[str] = []
    real = EspeakEngine.speak

    def counting(self, text, speed=1.0):
        calls.append(text)
        return real(self, text, speed)

    monkeypatch.setattr(EspeakEngine, "speak", counting)
    return calls
