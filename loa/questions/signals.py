"""Renaming or removing a lĩnh vực changes the public pages that list it."""
from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from loa.core.cache import bump_content_version

from .records import Topic


def connect() -> None:
    post_save.connect(bump_content_version, sender=Topic, dispatch_uid="loa-questions-topic-saved")
    post_delete.connect(bump_content_version, sender=Topic, dispatch_uid="loa-questions-topic-deleted")
