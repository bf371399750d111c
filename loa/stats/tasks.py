"""Background tasks (django-tasks); the web processes also run both on their own timer."""
from __future__ import annotations

from django_tasks import task

from .backends import get_collector
from .maintenance import run_maintenance


@task()
def flush_statistics() -> None:
    """Roll counters (Redis) or this worker's buffer into the database rollups."""
    get_collector().flush()


@task()
def maintain_statistics() -> dict[str, int]:
    result = run_maintenance()
    return {"salts": result.salts_deleted, "visitor_states": result.visitor_states_deleted, "batches": result.batches_deleted}
