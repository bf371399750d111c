"""A host page's audio in one voice: requested -> running -> ready (or retried), made by the read-aloud
pipeline (sentence cache, growing stream, word timings), as an article's narration is.

Every transition is a conditional UPDATE on the narration's key, so audio made for text that has
since changed is never recorded as ready; an edited article gets a new key, hence new audio, and its
unchanged sentences come from the sentence cache.
"""
from __future__ import annotations

from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from loa.readaloud.service import (
    SLOT_WAIT,
    NarrationState,
    delete_later,
    generate_audio,
    narration_key,
    setting,
    synthesis_slot,
)

from .models import WidgetNarration, WidgetPage

ERROR_MAX_CHARS = 2000


def wanted_key(page: WidgetPage, voice_id: str) -> str:
    return narration_key(page.text_hash, page.lexicon_hash, voice_id)


def request_narration(page: WidgetPage, voice_id: str) -> WidgetNarration:
    """The page's narration in `voice_id`, its generation enqueued when missing, stale or due for a retry."""
    key = wanted_key(page, voice_id)
    now = timezone.now()
    narration, created = WidgetNarration.objects.get_or_create(
        page=page, voice=voice_id, defaults={"key": key, "requested_at": now},
    )
    if created:
        _enqueue(narration, 0)
        return narration
    if narration.key != key or _retry_due(narration, now) or _abandoned(narration, now):
        restarted = WidgetNarration.objects.filter(pk=narration.pk, key=narration.key, state=narration.state).update(
            key=key, state=NarrationState.PENDING, attempts=0, requested_at=now, updated_at=now,
            error="" if narration.key != key else narration.error,
        )
        narration.refresh_from_db()
        if restarted:
            _enqueue(narration, 0)
    return narration


def _retry_due(narration: WidgetNarration, now) -> bool:
    cooldown = timedelta(seconds=setting("READALOUD_FAILED_RETRY_AFTER"))
    return narration.state == NarrationState.FAILED and now - narration.updated_at >= cooldown


def _abandoned(narration: WidgetNarration, now) -> bool:
    stale = timedelta(seconds=setting("READALOUD_STALE_AFTER"))
    return narration.state == NarrationState.RUNNING and now - narration.updated_at > stale


def _enqueue(narration: WidgetNarration, delay: float) -> None:
    """Priority 0, as an article's other voices: the default voice of Loa's own articles (10) goes first."""
    job = generate_page_narration
    if delay:
        job = job.using(run_after=timezone.now() + timedelta(seconds=delay))
    job.enqueue(narration.pk, narration.key)


@task(takes_context=True)
def generate_page_narration(context, narration_id: int, key: str) -> dict:
    """Made in one of the machine's synthesis slots, as an article's narration; with none free the
    task comes back SLOT_WAIT seconds later."""
    with synthesis_slot() as slot:
        if slot is not None:
            return _generate(narration_id, key)
    job = generate_page_narration.using(run_after=timezone.now() + timedelta(seconds=SLOT_WAIT),
                                        priority=context.task_result.task.priority)
    job.enqueue(narration_id, key)
    return {"status": "deferred", "reason": "every synthesis slot is busy"}


def _generate(narration_id: int, key: str) -> dict:
    claimed = WidgetNarration.objects.filter(pk=narration_id, key=key).exclude(state=NarrationState.READY).update(
        state=NarrationState.RUNNING, attempts=F("attempts") + 1, updated_at=timezone.now(),
    )
    if not claimed:
        return {"status": "skipped", "reason": "obsolete or already ready"}
    narration = WidgetNarration.objects.select_related("page").get(pk=narration_id)
    if wanted_key(narration.page, narration.voice) != key:
        WidgetNarration.objects.filter(pk=narration_id, key=key).update(state=NarrationState.PENDING)
        return {"status": "skipped", "reason": "the page changed"}

    def heartbeat() -> None:
        WidgetNarration.objects.filter(pk=narration_id, key=key, state=NarrationState.RUNNING).update(
            updated_at=timezone.now())

    try:
        audio = generate_audio(narration.page.units, narration.voice, on_progress=heartbeat, key=key)
    except Exception as exc:
        _record_failure(narration, f"{type(exc).__name__}: {exc}")
        raise
    replaced = narration.audio_name if narration.audio_name != audio.audio_name else ""
    done = WidgetNarration.objects.filter(pk=narration_id, key=key).update(
        state=NarrationState.READY, audio_name=audio.audio_name, audio_size=audio.audio_size,
        duration=audio.duration, sentences=audio.sentences, synthesized_count=audio.synthesized, error="",
        ready_at=timezone.now(), updated_at=timezone.now(),
    )
    if done and replaced:
        delete_later(replaced)
    return {"status": "ready" if done else "dropped", "sentences": len(audio.sentences),
            "synthesized": audio.synthesized}


def _record_failure(narration: WidgetNarration, message: str) -> None:
    delays = list(setting("READALOUD_RETRY_DELAYS"))
    matching = WidgetNarration.objects.filter(pk=narration.pk, key=narration.key).exclude(state=NarrationState.READY)
    narration.refresh_from_db()
    if narration.attempts <= len(delays):
        if matching.update(state=NarrationState.RETRYING, error=message[:ERROR_MAX_CHARS], updated_at=timezone.now()):
            _enqueue(narration, delays[max(narration.attempts, 1) - 1])
    else:
        matching.update(state=NarrationState.FAILED, error=message[:ERROR_MAX_CHARS], updated_at=timezone.now())


