"""Publishing an article makes its audio; changing the lexicon remakes the audio of the articles it touches."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, page_unpublished

from ..models import Narration, PronunciationEntry, ReadingScript
from . import narrations
from .lexicon import lexicon_for, lexicon_hash
from .readable import is_readable
from .tasks import request_narration
from .voices import page_voice_id

logger = logging.getLogger(__name__)
_deferred: ContextVar[bool] = ContextVar("loa_readaloud_deferred", default=False)


@contextmanager
def narration_deferred():
    """Pages published inside this block get no audio now: the caller schedules it (an import's backfill)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def article_published(sender, instance, **kwargs) -> None:
    """New or changed text: rebuild the script and start the default voice at once."""
    if not is_readable(instance) or _deferred.get():
        return
    try:
        with transaction.atomic():  # a savepoint: a failure here must not abort the publishing transaction
            narrations.refresh_script(instance)
            request_narration(instance)
    except Exception:  # publishing must never fail because of audio; the API retries on request
        logger.exception("read-aloud: could not schedule audio for page %s", instance.pk)


def article_unpublished(sender, instance, **kwargs) -> None:
    """Withdrawn text is withdrawn audio too: its files stop being served (the URLs were public)."""
    if is_readable(instance):
        Narration.objects.filter(page_id=instance.pk).delete()


def narration_deleted(sender, instance: Narration, **kwargs) -> None:
    if instance.audio_name:
        from .tasks import delete_unused_audio

        name = instance.audio_name
        transaction.on_commit(lambda: delete_unused_audio.call(name))


def remember_written_form(sender, instance: PronunciationEntry, **kwargs) -> None:
    old = PronunciationEntry.objects.filter(pk=instance.pk).values_list("written", flat=True).first() if instance.pk else None
    instance._readaloud_old_written = old


def lexicon_entry_saved(sender, instance: PronunciationEntry, **kwargs) -> None:
    forms = {instance.written, getattr(instance, "_readaloud_old_written", None)}
    refresh_lexicon_of_articles({form for form in forms if form})


def lexicon_entry_deleted(sender, instance: PronunciationEntry, **kwargs) -> None:
    refresh_lexicon_of_articles({instance.written})


def refresh_lexicon_of_articles(written_forms: set[str]) -> int:
    """Regenerate every article whose text contains one of `written_forms` and whose applicable entries changed."""
    if not written_forms:
        return 0
    query = Q()
    for form in written_forms:
        query |= Q(text__contains=form)
    changed = 0
    for script in ReadingScript.objects.filter(query).select_related("page"):
        new_hash = lexicon_hash(lexicon_for(script.text))
        if new_hash == script.lexicon_hash:
            continue
        ReadingScript.objects.filter(pk=script.pk).update(lexicon_hash=new_hash)
        voices = {page_voice_id(script.page), *Narration.objects.filter(page_id=script.page_id).values_list("voice", flat=True)}
        for voice_id in sorted(voices):
            request_narration(script.page, voice_id)
        changed += 1
    if changed:
        from loa.core.cache import bump_content_version

        bump_content_version()
    return changed


def connect() -> None:
    page_published.connect(article_published, dispatch_uid="loa-readaloud-published")
    page_unpublished.connect(article_unpublished, dispatch_uid="loa-readaloud-unpublished")
    post_delete.connect(narration_deleted, sender=Narration, dispatch_uid="loa-readaloud-narration-deleted")
    pre_save.connect(remember_written_form, sender=PronunciationEntry, dispatch_uid="loa-readaloud-lexicon-pre")
    post_save.connect(lexicon_entry_saved, sender=PronunciationEntry, dispatch_uid="loa-readaloud-lexicon-saved")
    post_delete.connect(lexicon_entry_deleted, sender=PronunciationEntry, dispatch_uid="loa-readaloud-lexicon-deleted")
