from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from loa.ads.models import AdSlot, Advertisement
from loa.pages.tests.factories import make_home

AD_IMAGE = Path(__file__).resolve().parents[2] / "pages" / "demo" / "images" / "ad-vanban.png"


@pytest.fixture
def ad_image(db):
    with open(AD_IMAGE, "rb") as handle:
        image = get_image_model()(title="Ảnh quảng cáo", file=ImageFile(handle, name="ad.png"))
        image.save()
    return image


@pytest.fixture
def sidebar(db):
    return AdSlot.objects.create(key="sidebar", name="Cột bên")


@pytest.fixture
def make_ad(sidebar, ad_image):
    def make(**fields) -> Advertisement:
        values = {"title": "Quảng cáo", "slot": sidebar, "image": ad_image, "alt_text": "Cổng dịch vụ công",
                  "target_url": "https://dichvucong.gov.vn/"}
        values.update(fields)
        return Advertisement.objects.create(**values)

    return make


@pytest.fixture
def home(db):
    return make_home()
