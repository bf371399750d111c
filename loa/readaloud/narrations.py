"""The life of a narration (an article's audio in one voice): requested -> running -> ready, or retried.

Every transition is a conditional UPDATE on the narration's `key`, so a result
computed for text that has since changed is never recorded as ready, and two
requests never enqueue the same work twice.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .generation import GeneratedAudio
from .keys import default_voice_id, narration_key
from .lexicon import lexicon_for, lexicon_hash
from .liveness import is_abandoned, worker_name
from .models import Narration, NarrationState, ReadingScript
from .script import article_units, script_text, units_hash, units_to_json

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 2000


def setting(name: str, default):
    return getattr(settings, name, default)


def _set(queryset, **fields) -> int:
    """QuerySet.update() that also stamps updated_at (update() skips auto_now)."""
    return queryset.update(updated_at=timezone.now(), **fields)


# -- the script -------------------------------------------------------------------------------

def refresh_script(page) -> ReadingScript:
    """Rebuild the page's reading script from its live content (cheap: templates only, no speech)."""
    units = article_units(page)
    text = script_text(units)
    values = {
        "units": units_to_json(units),
        "text": text,
        "text_hash": units_hash(units),
        "lexicon_hash": lexicon_hash(lexicon_for(text)),
    }
    script, created = ReadingScript.objects.get_or_create(page_id=page.pk, defaults=values)
    if not created and any(getattr(script, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(script, field, value)
        script.save()
    return script


def current_script(page) -> ReadingScript:
    try:
        return ReadingScript.objects.get(page_id=page.pk)
    except ReadingScript.DoesNotExist:
        return refresh_script(page)


def wanted_key(script: ReadingScript, voice_id: str) -> str:
    return narration_key(script.text_hash, script.lexicon_hash, voice_id)


# -- requesting ------------------------------------------------------------------------------

def request_narration(page, voice_id: str | None = None, force: bool = False) -> Narration:
    """The narration of `page` in `voice_id`, with its generation enqueued if it is missing or stale."""
    voice_id = voice_id or default_voice_id()
    key = wanted_key(current_script(page), voice_id)
    now = timezone.now()
    narration, created = Narration.objects.get_or_create(
        page_id=page.pk, voice=voice_id,
        defaults={"key": key, "state": NarrationState.PENDING, "requested_at": now},
    )
    if created:
        enqueue(narration)
        return narration
    if not force and narration.key == key and is_abandoned(narration, now):
        return abandon(narration)
    if force or narration.key != key or _needs_retry(narration, now):
        restarted = _set(
            Narration.objects.filter(pk=narration.pk, key=narration.key, state=narration.state),
            key=key, state=NarrationState.PENDING, attempts=0, error="" if narration.key != key else narration.error,
            requested_at=now, retry_at=None, worker="", heartbeat_at=None,
        )
        narration.refresh_from_db()
        if restarted:
            enqueue(narration)
    return narration


def _needs_retry(narration: Narration, now: datetime) -> bool:
    """A final failure is tried again (from scratch) after a cool-down."""
    if narration.state == NarrationState.FAILED:
        cooldown = timedelta(seconds=setting("READALOUD_FAILED_RETRY_AFTER", 900))
        return narration.updated_at is None or now - narration.updated_at >= cooldown
    return False


def enqueue(narration: Narration, delay: float | None = None) -> None:
    from .tasks import generate_narration

    task = generate_narration
    if delay:
        task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
    if narration.voice == default_voice_id():
        task = task.using(priority=10)
    result = task.enqueue(narration.page_id, narration.voice, narration.key)
    Narration.objects.filter(pk=narration.pk, key=narration.key).update(task_id=str(result.id))


def regenerate_page(page, voices: list[str] | None = None) -> list[Narration]:
    """Rebuild the script and generate again the default voice plus every voice already made."""
    refresh_script(page)
    wanted = {default_voice_id(), *(voices or Narration.objects.filter(page_id=page.pk).values_list("voice", flat=True))}
    return [request_narration(page, voice_id, force=True) for voice_id in sorted(wanted)]


# -- running -----------------------------------------------------------------------------------

def claim(page_id: int, voice_id: str, key: str, task_id: str = "") -> Narration | None:
    """Mark the narration running for this attempt, or None if the work is obsolete or done."""
    now = timezone.now()
    claimed = _set(
        Narration.objects.filter(page_id=page_id, voice=voice_id, key=key).exclude(state=NarrationState.READY),
        state=NarrationState.RUNNING, attempts=F("attempts") + 1, worker=worker_name(),
        heartbeat_at=now, retry_at=None, task_id=task_id or F("task_id"),
    )
    if not claimed:
        return None
    return Narration.objects.get(page_id=page_id, voice=voice_id)


def release(narration: Narration) -> None:
    """Give up a claimed narration whose key is out of date (the next request starts the right one)."""
    _set(Narration.objects.filter(pk=narration.pk, key=narration.key, state=NarrationState.RUNNING),
         state=NarrationState.PENDING, worker="", heartbeat_at=None)


def heartbeat(narration: Narration) -> None:
    Narration.objects.filter(pk=narration.pk, key=narration.key, state=NarrationState.RUNNING).update(
        heartbeat_at=timezone.now()
    )


def finish(narration: Narration, audio: GeneratedAudio) -> bool:
    """Record the audio as ready; False if the article changed meanwhile (the result is dropped)."""
    done = _set(
        Narration.objects.filter(pk=narration.pk, key=narration.key),
        state=NarrationState.READY, audio_name=audio.audio_name, audio_size=audio.audio_size,
        duration=audio.duration, sentences=audio.sentences, sentence_count=len(audio.sentences),
        synthesized_count=audio.synthesized, error="", worker="", heartbeat_at=None, retry_at=None,
        ready_at=timezone.now(),
    )
    if done and narration.audio_name and narration.audio_name != audio.audio_name:
        _forget_later(narration.audio_name)
    if done and narration.voice == default_voice_id():
        # The article HTML (cached for anonymous visitors) links the default voice's file.
        from loa.site.cache import bump_content_version

        bump_content_version()
    return bool(done)


def _forget_later(audio_name: str) -> None:
    """Delete a replaced file once listeners who loaded the old page have had time to finish it."""
    from .tasks import delete_unused_audio

    keep = timedelta(seconds=setting("READALOUD_KEEP_REPLACED_AUDIO", 86_400))
    delete_unused_audio.using(run_after=timezone.now() + keep, priority=-10).enqueue(audio_name)


def retry_delays() -> list[float]:
    return list(setting("READALOUD_RETRY_DELAYS", [5, 60]))


def record_failure(narration: Narration, message: str, retry_now: bool = False) -> Narration:
    """Keep the error; schedule another attempt unless the attempts are used up."""
    message = message[:ERROR_MAX_CHARS]
    delays = retry_delays()
    attempts = narration.attempts
    matching = Narration.objects.filter(pk=narration.pk, key=narration.key).exclude(state=NarrationState.READY)
    if attempts <= len(delays):
        delay = 0 if retry_now else delays[max(attempts, 1) - 1]
        retry_at = timezone.now() + timedelta(seconds=delay)
        if _set(matching, state=NarrationState.RETRYING, error=message, retry_at=retry_at, worker="", heartbeat_at=None):
            narration.refresh_from_db()
            enqueue(narration, delay=delay or None)
    else:
        _set(matching, state=NarrationState.FAILED, error=message, retry_at=None, worker="", heartbeat_at=None)
    narration.refresh_from_db()
    logger.warning("read-aloud: page %s voice %s failed (attempt %s): %s",
                   narration.page_id, narration.voice, attempts, message)
    return narration


# -- recovery ----------------------------------------------------------------------------------

ABANDONED_MESSAGE = "Tiến trình nền dừng đột ngột khi đang tạo âm thanh (bị tắt hoặc khởi động lại)."


def recover_abandoned() -> int:
    """Retry every narration whose worker died mid-way (killed, crashed, machine restarted)."""
    recovered = 0
    now = timezone.now()
    for narration in Narration.objects.filter(state=NarrationState.RUNNING):
        if is_abandoned(narration, now):
            abandon(narration)
            recovered += 1
    return recovered


def abandon(narration: Narration) -> Narration:
    """Count the dead worker's attempt as failed and retry at once (not the article's fault: no back-off)."""
    _fail_task_result(narration.task_id)
    return record_failure(narration, ABANDONED_MESSAGE, retry_now=True)


def _fail_task_result(task_id: str) -> None:
    """The dead worker's task row stays RUNNING forever otherwise."""
    if not task_id:
        return
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(
            status="FAILED", finished_at=timezone.now(),
            exception_class_path="loa.readaloud.narrations.AbandonedTask", traceback=ABANDONED_MESSAGE,
        )
