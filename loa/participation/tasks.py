"""Background tasks of the citizens' forms (django-tasks)."""
from __future__ import annotations

from django_tasks import task

from .retention import erase_expired_contacts


@task()
def erase_contacts() -> dict[str, int]:
    return erase_expired_contacts()
