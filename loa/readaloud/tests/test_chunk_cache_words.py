"""Sentences taken from the on-disk sentence cache keep their word timings (the player highlights words)."""
from __future__ import annotations

import struct

import pytest

from loa.readaloud.models import Narration
from loa.readaloud.narration.chunk_cache import FileChunkCache
from loa.speech import EncodedChunk

from .helpers import paragraph, publish_article, run_tasks

pytestmark = pytest.mark.django_db


def test_a_chunk_comes_back_with_its_words(tmp_path):
    cache = FileChunkCache(tmp_path)
    chunk = EncodedChunk(b"\xff\xfb audio", 1.25, ((0.05, 0.4, 0, 3), (0.45, 1.1, 4, 9)))
    cache.set("k:abc123", chunk)
    assert cache.get("k:abc123") == chunk
    path = tmp_path / "ab" / "abc123.chunk"
    path.write_bytes(struct.pack("<4sdI", b"LOA2", 1.25, 5))  # says 5 words, has none: a miss, not a crash
    assert cache.get("k:abc123") is None
    path.write_bytes(struct.pack("<4sd", b"LOA1", 1.25) + b"\xff\xfb audio")  # made before word timings
    assert cache.get("k:abc123") is None


def test_a_republished_article_keeps_word_timings_for_its_cached_sentences(category):
    body = [paragraph("<p>Các đại biểu thảo luận 18 nghị quyết. Kỳ họp bế mạc lúc 17 giờ.</p>")]
    first = publish_article(category, title="Kỳ họp thứ 25", body=body)
    run_tasks()
    second = publish_article(category, title="Kỳ họp thứ 25", body=body)  # every sentence from the cache
    run_tasks()
    made, cached = (Narration.objects.get(page_id=a.pk).sentences for a in (first, second))
    assert [s["text"] for s in made] == [s["text"] for s in cached]
    assert all(s["words"] for s in made)
    assert [s["words"] for s in cached] == [s["words"] for s in made]
