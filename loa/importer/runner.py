"""One import run: items from a source through the writer, with progress, a CSV report and the narration backfill."""
from __future__ import annotations

import csv
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from django.db import close_old_connections
from django.utils import timezone

from .items import SkipItem, SourceItem
from .models import ImportRun
from .writer import Outcome, Writer

REPORT_FIELDS = ["status", "kind", "key", "old_url", "new_url", "title", "reason", "notes"]


class Progress:
    """A one-line progress display: counts and items per second, at most a few times a second."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.last = 0.0

    def show(self, counts: Counter, final: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.5:
            return
        self.last = now
        done = sum(counts.values())
        rate = done / max(now - self.started, 1e-6)
        line = (f"{done} mục: tạo {counts['created']} · cập nhật {counts['updated']} · bỏ qua {counts['skipped']}"
                f" · lỗi {counts['failed']} · {rate:.1f} mục/s")
        end = "\n" if final else ""
        tty = getattr(self.stream, "isatty", lambda: False)()
        self.stream.write(("\r" + line + end) if tty else (line + "\n" if final or done % 50 == 0 else ""))
        self.stream.flush()


class Report:
    """The CSV of every item (status, reason, notes) and, beside it, the old URLs left without a redirect."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.unmapped: list[tuple[str, str]] = []
        self.mapped: set[str] = set()
        self.handle = path.open("w", encoding="utf-8-sig", newline="") if path else None
        self.writer = csv.DictWriter(self.handle, fieldnames=REPORT_FIELDS) if self.handle else None
        if self.writer:
            self.writer.writeheader()

    def add(self, outcome: Outcome) -> None:
        if not self.writer:
            return
        item = outcome.item
        if outcome.page is not None or outcome.status == "created":
            self.mapped.add(item.url)
        elif item.url:
            self.unmapped.append((item.url, outcome.reason))
        self.writer.writerow({
            "status": outcome.status, "kind": outcome.kind, "key": _cell(item.key), "old_url": _cell(item.url),
            "new_url": outcome.page.url_path if outcome.page is not None else "", "title": _cell(item.title),
            "reason": _cell(outcome.reason), "notes": _cell("; ".join(outcome.notes)),
        })
        self.handle.flush()

    @property
    def unmapped_path(self) -> Path | None:
        return self.path.with_name(self.path.stem + "-chua-chuyen-huong.csv") if self.path else None

    def close(self) -> None:
        if self.handle:
            self.handle.close()
        if self.unmapped_path:
            with self.unmapped_path.open("w", encoding="utf-8-sig", newline="") as handle:
                out = csv.writer(handle)
                out.writerow(["old_url", "reason"])
                out.writerows((_cell(url), _cell(reason)) for url, reason in self.unmapped if url not in self.mapped)


def dry_run_line(outcome: Outcome, writer: Writer) -> str:
    """What --dry-run prints per item: what would happen, to what, where."""
    item = outcome.item
    words = {"created": "sẽ tạo", "updated": "sẽ cập nhật", "skipped": "bỏ qua", "failed": "lỗi"}
    where = ""
    if outcome.status in ("created", "updated"):
        where = (" → Thư viện văn bản" if outcome.kind == "document" else " → Trang chủ" if outcome.kind == "info"
                 else f" → chuyên mục {writer.mapping.category_for(item.categories)}")
    reason = f" ({outcome.reason})" if outcome.reason else ""
    return f"  {words.get(outcome.status, outcome.status)} {outcome.kind}: {item.title or item.url}{where}{reason}"


def _cell(text: str) -> str:
    """No cell a spreadsheet would run as a formula."""
    text = text or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def run_import(kind: str, source: str, items: Iterable[SourceItem | Outcome], writer: Writer, *,
               report_path: Path | None, progress: TextIO | None = sys.stderr, limit: int = 0,
               backfill: bool = True) -> tuple[ImportRun, Counter]:
    """Write every item, one transaction each; a SIGTERM/SIGINT stops after the current item."""
    run = writer.run or ImportRun.objects.create(kind=kind, source=source, dry_run=writer.dry_run)
    writer.run = run
    counts: Counter = Counter()
    report = Report(report_path)
    display = Progress(progress)
    stopping = []
    previous = {}

    def stop(signum, frame):
        stopping.append(signum)

    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            previous[sig] = signal.signal(sig, stop)
        except ValueError:  # not the main thread
            pass
    created_pages = []
    try:
        for entry in items:
            if isinstance(entry, Outcome):  # the source could not even make an item of it
                outcome = entry
            else:
                try:
                    outcome = writer.write(entry)
                except SkipItem as exc:
                    outcome = Outcome("failed", entry.kind or "article", entry, str(exc))
                except Exception as exc:  # noqa: BLE001 - one bad item must not end the run; it is reported
                    close_old_connections()
                    outcome = Outcome("failed", entry.kind or "article", entry, f"{type(exc).__name__}: {exc}"[:500])
            counts[outcome.status] += 1
            report.add(outcome)
            if writer.dry_run and progress is not None:
                progress.write(dry_run_line(outcome, writer) + "\n")
            if outcome.status in ("created", "updated") and outcome.page is not None:
                created_pages.append(outcome.page.pk)
            display.show(counts)
            if stopping or (limit and counts["created"] + counts["updated"] >= limit):
                break
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        report.close()
        display.show(counts, final=True)
        run.counts = dict(counts)
        run.finished_at = timezone.now() if not stopping else None
        run.report_path = str(report_path or "")
        if not writer.dry_run:
            run.save()
    if not writer.dry_run and created_pages:
        from loa.core.cache import bump_content_version

        bump_content_version()
        if backfill:
            from .backfill import start_backfill

            start_backfill()
    return run, counts
