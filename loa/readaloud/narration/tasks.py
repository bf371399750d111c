"""The background tasks (django-tasks, database backend) that make an article's audio, and their scheduling.

narrations.py decides the state; this module enqueues whatever that state asks for.
"""
from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from wagtail import hooks

from .. import conf
from ..listening.audio_serving import forget
from ..models import Narration, ReadingScript
from . import narrations
from .audio_store import NAME_RE, audio_path
from .generation import generate_audio_file
from .synthesis_slots import SLOT_WAIT, capacity, synthesis_slot
from .voices import page_voice_id, page_voice_id_of


@task(takes_context=True)
def generate_narration(context, page_id: int, voice_id: str, key: str) -> dict:
    """Generate the audio wanted under `key` in one of the machine's synthesis slots (synthesis_slots.py);
    with none free, the task comes back SLOT_WAIT seconds later at the same priority."""
    with synthesis_slot() as slot:
        if slot is not None:
            return _generate(context, page_id, voice_id, key)
    job = generate_narration.using(run_after=timezone.now() + timedelta(seconds=SLOT_WAIT),
                                   priority=context.task_result.task.priority)
    job.enqueue(page_id, voice_id, key)
    return {"status": "deferred", "reason": f"all {capacity()} synthesis slots busy"}


def _generate(context, page_id: int, voice_id: str, key: str) -> dict:
    """Generate the audio wanted under `key`; a failure is recorded and retried, then re-raised for the log."""
    narration = narrations.claim(page_id, voice_id, key, task_id=str(context.task_result.id))
    if narration is None:
        return {"status": "skipped", "reason": "obsolete or already ready"}
    try:
        script = ReadingScript.objects.get(page_id=page_id)
        if narrations.wanted_key(script, voice_id) != key:
            narrations.release(narration)
            return {"status": "skipped", "reason": "the article changed"}
        audio = generate_audio_file(script.units, voice_id, on_progress=lambda: narrations.heartbeat(narration),
                                    key=key)
    except Exception as exc:
        schedule(narration, narrations.record_failure(narration, f"{type(exc).__name__}: {exc}"))
        raise
    recorded, replaced = narrations.finish(narration, audio)
    if replaced:
        delete_later(replaced)
    return {
        "status": "ready" if recorded else "dropped",
        "audio": audio.audio_name,
        "duration": audio.duration,
        "sentences": len(audio.sentences),
        "synthesized": audio.synthesized,
    }


@task()
def delete_unused_audio(audio_name: str) -> bool:
    """Delete a replaced audio file unless some narration uses it (again): files are named by their content,
    so an article and another app's narration (hook `loa_audio_in_use`) may share one."""
    if not NAME_RE.match(audio_name) or audio_in_use(audio_name):
        return False
    audio_path(audio_name).unlink(missing_ok=True)
    forget(audio_name)
    return True


def audio_in_use(audio_name: str) -> bool:
    if Narration.objects.filter(audio_name=audio_name).exists():
        return True
    return any(in_use(audio_name) for in_use in hooks.get_hooks("loa_audio_in_use"))


def request_narration(page, voice_id: str | None = None, force: bool = False, priority: int | None = None) -> Narration:
    """The narration of `page` in `voice_id`, with its generation enqueued if it is missing or stale.

    `priority` overrides the default (10 for the default voice): an import's backfill asks below editors' work.
    """
    narration, start_in = narrations.want_narration(page, voice_id, force)
    return schedule(narration, start_in, priority)


def regenerate_page(page, voices: list[str] | None = None) -> list[Narration]:
    """Rebuild the script and generate again the default voice plus every voice already made."""
    narrations.refresh_script(page)
    made = voices or Narration.objects.filter(page_id=page.pk).values_list("voice", flat=True)
    return [request_narration(page, voice_id, force=True) for voice_id in sorted({page_voice_id(page), *made})]


def recover_abandoned() -> int:
    """Retry every narration whose worker died mid-way; returns how many."""
    found = narrations.abandoned()
    for narration in found:
        schedule(narration, narrations.abandon(narration))
    return len(found)


def schedule(narration: Narration, start_in: float | None, priority: int | None = None) -> Narration:
    """Enqueue the narration's generation `start_in` seconds from now (None: nothing to do)."""
    if start_in is None:
        return narration
    narration.refresh_from_db()
    job = generate_narration
    if start_in:
        job = job.using(run_after=timezone.now() + timedelta(seconds=start_in))
    if priority is not None:
        job = job.using(priority=priority)
    elif narration.voice == page_voice_id_of(narration.page_id):
        job = job.using(priority=10)
    result = job.enqueue(narration.page_id, narration.voice, narration.key)
    Narration.objects.filter(pk=narration.pk, key=narration.key).update(task_id=str(result.id))
    return narration


def delete_later(audio_name: str) -> None:
    """Delete a replaced file once listeners who loaded the old page have had time to finish it."""
    keep = timedelta(seconds=conf.get("READALOUD_KEEP_REPLACED_AUDIO"))
    delete_unused_audio.using(run_after=timezone.now() + keep, priority=-10).enqueue(audio_name)
