"""A voice per chuyên mục (and for the document library): new articles are read in it and the player
offers it first; without one, or when it is gone, the site's default voice."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from loa.readaloud.models import Narration
from loa.readaloud.narration import voices

from .helpers import publish_article, run_tasks

pytestmark = pytest.mark.django_db


def set_voice(page, voice_id: str) -> None:
    page.readaloud_voice = voice_id
    page.save_revision().publish()


def test_a_new_article_is_read_in_its_categorys_voice(client, category):
    set_voice(category, "vi-north-female")
    article = publish_article(category, title="Kỳ họp thứ 25")
    assert voices.page_voice_id(article) == "vi-north-female"
    assert list(Narration.objects.filter(page_id=article.pk).values_list("voice", flat=True)) == ["vi-north-female"]
    run_tasks()
    page = client.get(article.url).content.decode()
    assert 'data-default-voice="vi-north-female"' in page
    assert '<option value="vi-north-female" selected>' in page
    data = client.get(f"/api/readaloud/pages/{article.pk}").json()  # no ?voice: the page's voice
    assert data["voice"] == "vi-north-female" and data["status"] == "ready"


def test_without_a_category_voice_the_site_default_reads(category):
    article = publish_article(category)
    assert voices.page_voice_id(article) == voices.default_voice_id() == "vi-south-male"
    assert list(Narration.objects.filter(page_id=article.pk).values_list("voice", flat=True)) == ["vi-south-male"]


def test_a_category_voice_that_is_gone_falls_back_to_the_site_default(category):
    category.readaloud_voice = "joe-removed"  # a pack removed since it was chosen
    category.save(update_fields=["readaloud_voice"])
    article = publish_article(category)
    assert voices.page_voice_id(article) == "vi-south-male"


def test_the_category_editor_offers_every_usable_voice(client, category):
    admin = get_user_model().objects.create_superuser("quantri", "q@example.vn", "mat-khau-1")
    client.force_login(admin)
    page = client.get(f"/admin/pages/{category.pk}/edit/").content.decode()
    assert 'name="readaloud_voice"' in page and "Giọng mặc định của trang" in page
    assert '<option value="vi-central-male">' in page
