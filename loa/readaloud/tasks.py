"""The background task (django-tasks, database backend) that makes an article's audio in one voice."""
from __future__ import annotations

from django_tasks import task

from . import narrations
from .audio_serving import forget
from .audio_store import NAME_RE, audio_path
from .generation import generate_audio_file
from .models import Narration, ReadingScript


@task(takes_context=True)
def generate_narration(context, page_id: int, voice_id: str, key: str) -> dict:
    """Generate the audio wanted under `key`; a failure is recorded and retried, then re-raised for the log."""
    narration = narrations.claim(page_id, voice_id, key, task_id=str(context.task_result.id))
    if narration is None:
        return {"status": "skipped", "reason": "obsolete or already ready"}
    try:
        script = ReadingScript.objects.get(page_id=page_id)
        if narrations.wanted_key(script, voice_id) != key:
            narrations.release(narration)
            return {"status": "skipped", "reason": "the article changed"}
        audio = generate_audio_file(script.units, voice_id, on_progress=lambda: narrations.heartbeat(narration))
    except Exception as exc:
        narrations.record_failure(narration, f"{type(exc).__name__}: {exc}")
        raise
    recorded = narrations.finish(narration, audio)
    return {
        "status": "ready" if recorded else "dropped",
        "audio": audio.audio_name,
        "duration": audio.duration,
        "sentences": len(audio.sentences),
        "synthesized": audio.synthesized,
    }


@task()
def delete_unused_audio(audio_name: str) -> bool:
    """Delete a replaced audio file unless some narration uses it (again)."""
    if not NAME_RE.match(audio_name) or Narration.objects.filter(audio_name=audio_name).exists():
        return False
    audio_path(audio_name).unlink(missing_ok=True)
    forget(audio_name)
    return True
