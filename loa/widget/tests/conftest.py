from __future__ import annotations

import pytest

from tests.support.hostportal import HostSite

from ..models import WidgetSite

LOA = "http://testserver"


@pytest.fixture(autouse=True)
def fresh_audio_dirs(settings, tmp_path):
    settings.READALOUD_CACHE_DIR = tmp_path / "chunks"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.READALOUD_VOICES_DIR = tmp_path / "voices"
    return tmp_path


@pytest.fixture
def portal():
    """The reference-shaped host portal on its own loopback origin."""
    site = HostSite("cong-thong-tin", LOA).start()
    yield site
    site.stop()


@pytest.fixture
def other_portal():
    site = HostSite("so-khac", LOA).start()
    yield site
    site.stop()


@pytest.fixture
def registered(db, portal) -> WidgetSite:
    """The portal registered as an intranet host (it runs on 127.0.0.1), with its article selector."""
    site = WidgetSite.objects.create(
        name="Cổng thông tin HĐND tỉnh", origins=portal.origin, private_network=True,
        article_selector=".news-detail", skip_selectors=".tin-lien-quan",
    )
    portal.key = site.key
    return site
