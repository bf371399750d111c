"""The "Từ điển phát âm" lexicon: applied before the built-in rules; saving an entry regenerates what contains it."""
from __future__ import annotations

import json

import pytest

from loa.readaloud.models import Narration, NarrationState, PronunciationEntry

from .helpers import paragraph, publish_article, readaloud_tasks, run_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_articles(category):
    with_word = publish_article(category, title="Triển khai phòng họp không giấy", body=[
        paragraph("<p>Tỉnh dùng hệ thống eCabinet cho các kỳ họp. Đại biểu nhận tài liệu trước ba ngày.</p>"),
    ])
    without = publish_article(category, title="Tiếp xúc cử tri tại Long An", body=[
        paragraph("<p>Đại biểu tiếp xúc cử tri huyện Cần Giuộc.</p>"),
    ])
    run_tasks()
    return with_word, without


def test_saving_an_entry_regenerates_only_articles_containing_it(two_articles, synthesis_calls):
    with_word, without = two_articles
    keys = {a.pk: Narration.objects.get(page_id=a.pk).key for a in two_articles}
    PronunciationEntry.objects.create(written="eCabinet", spoken="ê cáp bi nét")

    assert Narration.objects.get(page_id=with_word.pk).key != keys[with_word.pk]
    assert Narration.objects.get(page_id=with_word.pk).state == NarrationState.PENDING
    assert Narration.objects.get(page_id=without.pk).key == keys[without.pk]
    assert Narration.objects.get(page_id=without.pk).state == NarrationState.READY
    run_tasks()
    assert Narration.objects.get(page_id=with_word.pk).state == NarrationState.READY
    # only the sentence with the word was spoken again, and it was spoken the editor's way
    assert len(synthesis_calls) == 1 and "ê cáp bi nét" in synthesis_calls[0]
    assert "eCabinet" not in synthesis_calls[0]


def test_changing_and_deleting_an_entry_regenerates_again(two_articles, synthesis_calls):
    with_word, _ = two_articles
    entry = PronunciationEntry.objects.create(written="eCabinet", spoken="ê cáp bi nét")
    run_tasks()
    entry.spoken = "e ca bi nét"
    entry.save()
    run_tasks()
    assert "e ca bi nét" in synthesis_calls[-1]
    entry.delete()
    assert Narration.objects.get(page_id=with_word.pk).state == NarrationState.PENDING
    run_tasks()
    assert Narration.objects.get(page_id=with_word.pk).state == NarrationState.READY


def test_an_entry_no_article_contains_changes_nothing(two_articles):
    queued = readaloud_tasks().count()
    PronunciationEntry.objects.create(written="Zalo", spoken="da lô")
    assert readaloud_tasks().count() == queued


def test_the_speech_endpoint_uses_the_lexicon(client, synthesis_calls):
    PronunciationEntry.objects.create(written="eCabinet", spoken="ê cáp bi nét")
    response = client.post("/v1/audio/speech", data=json.dumps({"input": "Hệ thống eCabinet."}),
                           content_type="application/json", REMOTE_ADDR="10.250.1.1")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert synthesis_calls and "ê cáp bi nét" in synthesis_calls[0]
