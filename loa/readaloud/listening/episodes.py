"""Articles whose default-voice audio is ready and current: the podcast feeds' episodes and the /nghe/ list."""
from __future__ import annotations

from collections.abc import Iterable

from ..models import Narration, NarrationState, ReadingScript
from ..narration.keys import default_voice_id
from ..narration.narrations import wanted_key


def current_narrations(pages: Iterable, voice: str | None = None) -> dict[int, Narration]:
    """{page id: narration} for the pages whose audio in `voice` (default voice) is ready and made from today's text."""
    voice = voice or default_voice_id()
    ids = [page.pk for page in pages]
    ready = {
        narration.page_id: narration
        for narration in Narration.objects.filter(page_id__in=ids, voice=voice, state=NarrationState.READY)
        .exclude(audio_name="")
        .defer("sentences")
    }
    scripts = {s.page_id: s for s in ReadingScript.objects.filter(page_id__in=list(ready)).only("page_id", "text_hash", "lexicon_hash")}
    return {
        page_id: narration for page_id, narration in ready.items()
        if page_id in scripts and narration.key == wanted_key(scripts[page_id], voice)
    }


def ready_episodes(articles, limit: int, chunk: int = 100) -> list:
    """The first `limit` of `articles` (a queryset, newest first) with current audio, each with `.narration` set."""
    voice = default_voice_id()
    ready_ids = Narration.objects.filter(voice=voice, state=NarrationState.READY).exclude(audio_name="").values("page_id")
    articles = articles.filter(pk__in=ready_ids)
    episodes: list = []
    start = 0
    while len(episodes) < limit:
        candidates = list(articles[start:start + chunk])  # some ready narrations may be stale: read on
        current = current_narrations(candidates, voice)
        for article in candidates:
            if article.pk in current:
                article.narration = current[article.pk]
                episodes.append(article)
        if len(candidates) < chunk:
            break
        start += chunk
    return episodes[:limit]
