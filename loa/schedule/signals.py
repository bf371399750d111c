"""Publishing or editing a week changes the schedule pages and feeds."""
from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from loa.core.cache import bump_content_version

from .records import ScheduleEntry, WorkWeek


def connect() -> None:
    post_save.connect(bump_content_version, sender=WorkWeek, dispatch_uid="loa-schedule-week-saved")
    post_delete.connect(bump_content_version, sender=WorkWeek, dispatch_uid="loa-schedule-week-deleted")
    post_delete.connect(bump_content_version, sender=ScheduleEntry, dispatch_uid="loa-schedule-entry-deleted")
