"""A run killed mid-way continues where it stopped; imported pages are narrated newest first, below editors' work."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from loa.importer import legacy
from loa.importer.backfill import backfill_next, pending_items, progress
from loa.importer.tests.fixtures.build import wxr
from loa.readaloud.models import Narration

from .oldportal import OldPortal

pytestmark = pytest.mark.database_in_children  # run again in the PostgreSQL pass


def _database_for_subprocess(tmp_path):
    """A DATABASE_URL the child process can open, and a way to count rows in it (as the worker recovery test)."""
    if connection.vendor == "sqlite":  # pytest-django keeps the SQLite test database in memory: copy it to a file
        path = tmp_path / "resume.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()

        def count(sql: str) -> int:
            with sqlite3.connect(path, timeout=30) as db:
                return db.execute(sql).fetchone()[0]

        return f"sqlite:///{path}", count
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    url = f"postgresql://{settings.get('USER') or ''}{password}@{settings.get('HOST') or '127.0.0.1'}{port}/{settings['NAME']}"

    def count(sql: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]

    return url, count


@pytest.mark.django_db(transaction=True)
def test_killed_run_resumes_without_duplicates_or_half_pages(home, tmp_path):
    source = tmp_path / "big.xml"
    source.write_text(wxr(120, base="http://127.0.0.1:9", with_files=False), encoding="utf-8")
    url, count = _database_for_subprocess(tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "LOA_DATA_DIR": str(tmp_path / "data"),
           "MEDIA_ROOT": str(tmp_path / "media")}
    env.pop("PYTEST_CURRENT_TEST", None)
    command = [sys.executable, "-m", "loa.cli", "import", "wordpress", str(source), "--no-backfill",
               "--report", str(tmp_path / "r.csv")]

    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while count("SELECT COUNT(*) FROM importer_importeditem") < 15:
        assert first.poll() is None, first.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "the import never got going"
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    done = count("SELECT COUNT(*) FROM importer_importeditem")
    assert 15 <= done < 120
    # every item recorded has its page, and every article page has its item: nothing half made
    assert count("SELECT COUNT(*) FROM pages_articlepage") == done

    second = subprocess.run(command, env=env, capture_output=True, timeout=300)
    assert second.returncode == 0, second.stderr.decode()[-2000:]
    assert count("SELECT COUNT(*) FROM importer_importeditem") == 120
    assert count("SELECT COUNT(*) FROM pages_articlepage") == 120
    assert f"bỏ qua {done}" in second.stdout.decode()


@pytest.mark.django_db
def test_backfill_narrates_newest_first_below_editors(home, tmp_path):
    from django.core.management import call_command

    source = tmp_path / "small.xml"
    source.write_text(wxr(4, base="http://127.0.0.1:9", with_files=False), encoding="utf-8")
    call_command("import", "wordpress", str(source), "--report", str(tmp_path / "r.csv"))
    assert not Narration.objects.exists()  # publishing an import starts no audio at editors' priority
    queued = DBTaskResult.objects.filter(task_path__endswith="backfill_next")
    assert queued.count() == 1 and queued.get().priority < 0
    newest = pending_items().first()
    assert newest.page.title.endswith("(bài 4)")
    backfill_next.call()
    narration = Narration.objects.get(page_id=newest.page_id)
    task = DBTaskResult.objects.get(pk=narration.task_id)
    assert task.priority == -20  # IMPORTER_BACKFILL_PRIORITY; editors' articles are enqueued at 10
    assert progress()["total"] == 4 and progress()["waiting"] == 3


def test_legacy_encodings_are_detected_converted_or_reported():
    text = "Hội đồng nhân dân tỉnh khai mạc kỳ họp thứ mười chín, xem xét nhiều nghị quyết quan trọng."
    tcvn3 = "".join({v: chr(k) for k, v in legacy._TCVN3.items()}.get(c, c) for c in text)
    vni = "".join({v: k for k, v in legacy._VNI.items()}.get(c, c) for c in text)
    viqr = "Ho^.i ddo^`ng nha^n da^n ti?nh khai ma.c ky` ho.p thu+' mu+o+`i chi'n."
    for sample, name in ((tcvn3, "TCVN3"), (vni, "VNI"), (viqr, "VIQR")):
        found = legacy.detect(sample)
        assert (found.encoding, found.status) == (name, "converted")
    assert legacy.to_unicode(tcvn3, legacy.detect(tcvn3)) == text
    assert legacy.detect(text).status == "unicode"
    assert legacy.detect("Plain English text, nothing to convert here at all.").status == "unicode"
    half = text[:40] + tcvn3[40:60] + "ﬁ ﬂ ǅ Ǆ ǆ ǈ"  # mixed and odd: not converted blindly
    assert legacy.detect(half).status in ("unsure", "unicode")


def test_document_metadata_from_a_legacy_encoded_first_page():
    from loa.importer.docmeta import from_file_text

    # TCVN3 fonts drew accented capitals with a second font: the text layer is lower case but for Ă Â Ê Ô Ơ Ư Đ
    page = ("Số: 18/2008/NQ-HĐND\nLong An, ngày 9 tháng 12 năm 2008\n"
            "Nghị quyết về việc thông qua kế hoạch phát triển kinh tế xã hội của tỉnh năm 2009")
    tcvn3 = "".join({v: chr(k) for k, v in legacy._TCVN3.items()}.get(c, c) for c in page)
    assert "ngµy" in tcvn3
    meta = from_file_text(tcvn3)
    assert meta.number == "18/2008/NQ-HĐND" and meta.doc_type == "Nghị quyết"
    assert meta.issued is not None and meta.issued.isoformat() == "2008-12-09"


def test_old_portal_server_is_loopback_only():
    with OldPortal() as server:
        assert server.base.startswith("http://127.0.0.1:")


@pytest.mark.django_db
def test_admin_shows_runs_and_backfill_progress(home, tmp_path, admin_client):
    from django.core.management import call_command

    source = tmp_path / "small.xml"
    source.write_text(wxr(3, base="http://127.0.0.1:9", with_files=False), encoding="utf-8")
    call_command("import", "wordpress", str(source), "--report", str(tmp_path / "r.csv"))
    answer = admin_client.get("/admin/nhap-du-lieu/")
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "Đã có âm thanh: 0 / 3 trang; đang chờ: 3" in text and "wordpress:" in text
