"""The life of a narration (an article's audio in one voice): requested -> running -> ready, or retried.

Every transition is a conditional UPDATE on the narration's `key`, so a result
computed for text that has since changed is never recorded as ready, and two
requests never enqueue the same work twice. This module only changes state; what
runs when (the tasks and their enqueueing) is in tasks.py.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .. import conf
from ..models import Narration, NarrationState, ReadingScript
from .generation import GeneratedAudio
from .keys import narration_key
from .lexicon import lexicon_for, lexicon_hash
from .liveness import is_abandoned, worker_name
from .script import article_units, script_text, units_hash, units_to_json
from .voices import page_voice_id, page_voice_id_of

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 2000




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

def want_narration(page, voice_id: str | None = None, force: bool = False) -> tuple[Narration, float | None]:
    """The narration of `page` in `voice_id`, marked pending if it is missing or stale.

    Also returns when its generation should start (seconds from now), or None if it needs none.
    """
    voice_id = voice_id or page_voice_id(page)
    key = wanted_key(current_script(page), voice_id)
    now = timezone.now()
    narration, created = Narration.objects.get_or_create(
        page_id=page.pk, voice=voice_id,
        defaults={"key": key, "state": NarrationState.PENDING, "requested_at": now},
    )
    if created:
        return narration, 0
    if not force and narration.key == key and is_abandoned(narration, now):
        return narration, abandon(narration)
    if force or narration.key != key or _needs_retry(narration, now):
        restarted = _set(
            Narration.objects.filter(pk=narration.pk, key=narration.key, state=narration.state),
            key=key, state=NarrationState.PENDING, attempts=0, error="" if narration.key != key else narration.error,
            requested_at=now, retry_at=None, worker="", heartbeat_at=None,
        )
        narration.refresh_from_db()
        if restarted:
            return narration, 0
    return narration, None


def _needs_retry(narration: Narration, now: datetime) -> bool:
    """A final failure is tried again (from scratch) after a cool-down."""
    if narration.state == NarrationState.FAILED:
        cooldown = timedelta(seconds=conf.get("READALOUD_FAILED_RETRY_AFTER"))
        return narration.updated_at is None or now - narration.updated_at >= cooldown
    return False


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


def finish(narration: Narration, audio: GeneratedAudio) -> tuple[bool, str]:
    """Record the audio as ready; False if the article changed meanwhile (the result is dropped).

    Also returns the name of the audio file this one replaces ("" if none), to delete later.
    """
    done = _set(
        Narration.objects.filter(pk=narration.pk, key=narration.key),
        state=NarrationState.READY, audio_name=audio.audio_name, audio_size=audio.audio_size,
        duration=audio.duration, sentences=audio.sentences, sentence_count=len(audio.sentences),
        synthesized_count=audio.synthesized, error="", worker="", heartbeat_at=None, retry_at=None,
        ready_at=timezone.now(),
    )
    replaced = narration.audio_name if done and narration.audio_name != audio.audio_name else ""
    if done and narration.voice == page_voice_id_of(narration.page_id):
        # The article HTML (cached for anonymous visitors) links the default voice's file.
        from loa.core.cache import bump_content_version

        bump_content_version()
    return bool(done), replaced


def retry_delays() -> list[float]:
    return list(conf.get("READALOUD_RETRY_DELAYS"))


def record_failure(narration: Narration, message: str, retry_now: bool = False) -> float | None:
    """Keep the error; returns when to try again (seconds from now), or None once the attempts are used up."""
    message = message[:ERROR_MAX_CHARS]
    delays = retry_delays()
    attempts = narration.attempts
    matching = Narration.objects.filter(pk=narration.pk, key=narration.key).exclude(state=NarrationState.READY)
    retry_in = None
    if attempts <= len(delays):
        delay = 0 if retry_now else delays[max(attempts, 1) - 1]
        retry_at = timezone.now() + timedelta(seconds=delay)
        if _set(matching, state=NarrationState.RETRYING, error=message, retry_at=retry_at, worker="", heartbeat_at=None):
            retry_in = delay
    else:
        _set(matching, state=NarrationState.FAILED, error=message, retry_at=None, worker="", heartbeat_at=None)
    narration.refresh_from_db()
    logger.warning("read-aloud: page %s voice %s failed (attempt %s): %s",
                   narration.page_id, narration.voice, attempts, message)
    return retry_in


# -- recovery ----------------------------------------------------------------------------------

ABANDONED_MESSAGE = "Tiến trình nền dừng đột ngột khi đang tạo âm thanh (bị tắt hoặc khởi động lại)."


def abandoned() -> list[Narration]:
    """The narrations whose worker died mid-way (killed, crashed, machine restarted)."""
    now = timezone.now()
    return [n for n in Narration.objects.filter(state=NarrationState.RUNNING) if is_abandoned(n, now)]


def abandon(narration: Narration) -> float | None:
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
            exception_class_path="loa.readaloud.narration.narrations.AbandonedTask", traceback=ABANDONED_MESSAGE,
        )
