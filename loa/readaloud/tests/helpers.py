"""Building articles and running the task queue the way the real worker does."""
from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from unittest import mock

from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from loa.pages.models import ArticlePage
from loa.pages.tests.factories import make_article

READALOUD_TASK = "loa.readaloud.narration.tasks.generate_narration"


def heading(text: str, skip: bool = False) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2", "skip_reading": skip}, "id": str(uuid.uuid4())}


def paragraph(html: str, skip: bool = False) -> dict:
    return {"type": "paragraph", "value": {"text": html, "skip_reading": skip}, "id": str(uuid.uuid4())}


def bullet_list(*items: str, skip: bool = False) -> dict:
    return {
        "type": "list",
        "value": {"marker": "dash", "nested": False, "items": [f"<p>{item}</p>" for item in items], "skip_reading": skip},
        "id": str(uuid.uuid4()),
    }


def quote(text: str, attribution: str = "", skip: bool = False) -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution, "skip_reading": skip},
            "id": str(uuid.uuid4())}


def sample_body() -> list[dict]:
    return [
        heading("PHẦN THỨ NHẤT."),
        paragraph("<p>Kỳ họp thứ 25 khai mạc sáng nay. Các đại biểu thảo luận <b>18 nghị quyết</b> quan trọng.</p>"),
        bullet_list("Về kinh tế: tăng trưởng 7,5%.", "Về xã hội: giảm nghèo bền vững."),
        paragraph("<p>Đoạn này không được đọc.</p>", skip=True),
        quote("Đoàn kết - Năng động - Phát triển.", "Ban Chấp hành Đảng bộ"),
    ]


def publish_article(parent, **fields) -> ArticlePage:
    fields.setdefault("title", "Hội đồng nhân dân tỉnh họp kỳ thứ 25")
    fields.setdefault("summary", "Kỳ họp xem xét nhiều nội dung quan trọng.")
    fields.setdefault("body", sample_body())
    return make_article(parent, **fields)


def republish(article: ArticlePage, **changes) -> ArticlePage:
    """Edit and publish through a revision, as the admin does."""
    page = ArticlePage.objects.get(pk=article.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


@contextmanager
def keep_test_connection():
    """The worker loop closes "old" connections; inside a test's transaction that would end the test's."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        yield


def run_tasks(make_due: bool = False) -> int:
    """Run every queued task with django-tasks-db's own worker loop (batch mode); returns how many ran."""
    if make_due:
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    before = DBTaskResult.objects.exclude(status="READY").count()
    # The tests' in-memory SQLite database is shared between threads by a shared cache, where a table
    # another thread is reading (a live-server request still finishing) refuses a write at once
    # ("database table is locked") instead of waiting as a file database with its busy timeout does.
    attempts = 40  # 10 s at most
    for attempt in range(attempts):
        try:
            with keep_test_connection():
                Worker(
                    queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="pytest", excluded_queue_names=[],
                ).run()
            break
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.25)
    return DBTaskResult.objects.exclude(status="READY").count() - before


def readaloud_tasks(status: str | None = None):
    tasks = DBTaskResult.objects.filter(task_path=READALOUD_TASK)
    return tasks.filter(status=status) if status else tasks


def close_response(response) -> None:
    """Close a (streaming) test response as the WSGI server would when the client goes away, without letting
    Django's request_finished close the test's database connection (what the test client itself does)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        signals.request_finished.connect(close_old_connections)
