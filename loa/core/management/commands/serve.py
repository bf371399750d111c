"""`loa serve`: prepare the site and run it in production mode.

1. migrate, collect static files (only when they changed), load the demo content
   (once), create the `admin` account (once);
2. start gunicorn and the django-tasks database worker (`loa db_worker`) as child processes;
3. publish scheduled pages every minute (Wagtail's `publish_scheduled`) and erase expired
   citizens' contact details every hour (`participation_upkeep`);
4. on Ctrl-C / SIGTERM stop both children; if either dies, stop the other and exit.
"""
from __future__ import annotations

import hashlib
import io
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

PUBLISH_SCHEDULED_EVERY = 60  # seconds
PARTICIPATION_UPKEEP_EVERY = 3600  # seconds: erase citizens' contact details past their retention time
FINGERPRINT_FILE = ".loa-static-fingerprint"


def default_workers() -> int:
    return int(os.environ.get("LOA_WORKERS", max(2, (os.cpu_count() or 1) + 1)))


def static_fingerprint() -> str:
    """Hash of every static source file's path, size and mtime (a few ms for Wagtail's ~2,000 files)."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            try:
                stat = os.stat(storage.path(path))
            except (OSError, NotImplementedError):
                continue
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Chuẩn bị cơ sở dữ liệu, nội dung mẫu, tài khoản admin rồi chạy máy chủ web (gunicorn) và tiến trình nền."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"), help="địa chỉ lắng nghe")
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")), help="cổng")
        parser.add_argument("--workers", type=int, default=default_workers(), help="số tiến trình gunicorn")
        parser.add_argument("--threads", type=int, default=int(os.environ.get("LOA_THREADS", "4")),
                            help="số luồng mỗi tiến trình gunicorn")
        parser.add_argument("--no-demo", action="store_true", help="không tạo nội dung mẫu")
        parser.add_argument("--no-worker", action="store_true", help="không chạy tiến trình nền db_worker")
        parser.add_argument("--prepare-only", action="store_true", help="chỉ chuẩn bị, không chạy máy chủ")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        self.prepare(with_demo=not options["no_demo"])
        self.set_site_address(options["host"], options["port"])
        if options["prepare_only"]:
            return
        connections.close_all()  # the children open their own connections
        self.run_children(options, started)

    # -- preparation -------------------------------------------------------------------------

    def prepare(self, with_demo: bool) -> None:
        self.migrate()
        self.collect_static()
        if with_demo:
            call_command("load_demo", stdout=self.stdout)  # the pages app's command runs every app's demo hook
        self.ensure_admin()

    def set_site_address(self, host: str, port: int) -> None:
        from loa.core.site_address import AddressError, public_address, sync_default_site

        try:
            address = public_address(host, port)
        except AddressError as error:
            raise CommandError(str(error)) from error
        if address is not None and sync_default_site(*address):
            self.stdout.write(f"Địa chỉ trang (Site) đặt thành {address[0]}:{address[1]}.")

    def migrate(self) -> None:
        connection = connections["default"]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stdout.write(f"Đang cập nhật cơ sở dữ liệu ({len(plan)} migration)…")
            call_command("migrate", interactive=False, verbosity=0)

    def collect_static(self) -> None:
        root = Path(settings.STATIC_ROOT)
        stamp = root / FINGERPRINT_FILE
        fingerprint = static_fingerprint()
        manifest = root / "staticfiles.json"
        if manifest.exists() and stamp.exists() and stamp.read_text() == fingerprint:
            return
        self.stdout.write("Đang thu thập tệp tĩnh (collectstatic)…")
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp.write_text(fingerprint)

    def ensure_admin(self) -> None:
        from django.contrib.auth import get_user_model

        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        password = os.environ.get("LOA_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password, first_name="Quản trị")
        if os.environ.get("LOA_ADMIN_PASSWORD"):
            self.stdout.write("Đã tạo tài khoản quản trị “admin” với mật khẩu từ LOA_ADMIN_PASSWORD.")
        else:
            line = "=" * 64
            self.stdout.write(
                f"{line}\nĐã tạo tài khoản quản trị: admin\nMật khẩu (chỉ hiện một lần): {password}\n"
                f"Đổi mật khẩu: .venv/bin/loa changepassword admin\n{line}"
            )

    # -- running -----------------------------------------------------------------------------

    def run_children(self, options: dict, started: float) -> None:
        host, port = options["host"], options["port"]
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        gunicorn = [
            sys.executable, "-m", "gunicorn", "loa.site.wsgi:application",
            "--bind", bind,
            "--workers", str(options["workers"]),
            "--worker-class", "gthread", "--threads", str(options["threads"]),
            "--timeout", "60", "--graceful-timeout", "10", "--keep-alive", "5",
            "--preload",
            "--no-control-socket",  # unused; several instances would fight over ~/.gunicorn/gunicorn.ctl
        ]
        if os.environ.get("LOA_ACCESS_LOG"):
            gunicorn += ["--access-logfile", "-"]
        children = {"gunicorn": subprocess.Popen(gunicorn)}
        if not options["no_worker"]:
            worker = [sys.executable, "-m", "loa.cli", "db_worker", "--queue-name", "*", "--no-reload"]
            children["db_worker"] = subprocess.Popen(worker)

        stopping = False

        def stop(signum, _frame) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(
            f"Loa đang chạy tại http://{bind}/ (quản trị: /admin/) – sẵn sàng sau "
            f"{time.monotonic() - started:.1f} s chuẩn bị. Nhấn Ctrl-C để dừng."
        )
        self.stdout.flush()

        exit_code = 0
        next_publish = time.monotonic() + 5
        next_upkeep = time.monotonic() + 30
        while not stopping:
            for name, process in children.items():
                if process.poll() is not None:
                    self.stderr.write(f"Tiến trình {name} đã dừng (mã {process.returncode}); dừng máy chủ.")
                    exit_code = process.returncode or 1
                    stopping = True
                    break
            if stopping:
                break
            if time.monotonic() >= next_publish:
                self.publish_scheduled()
                next_publish = time.monotonic() + PUBLISH_SCHEDULED_EVERY
            if time.monotonic() >= next_upkeep:
                self.run_periodic("participation_upkeep")
                self.run_periodic("widget_pregenerate")  # loa.widget: registered portals' feeds
                self.run_periodic("petition_reminders")  # once a day at most, only with a mail server
                next_upkeep = time.monotonic() + PARTICIPATION_UPKEEP_EVERY
            time.sleep(0.5)

        self.stop_children(children)
        if exit_code:
            sys.exit(exit_code)

    def publish_scheduled(self) -> None:
        self.run_periodic("publish_scheduled")

    def run_periodic(self, command: str) -> None:
        try:
            call_command(command, verbosity=0, stdout=io.StringIO())
        except Exception as exc:  # noqa: BLE001  keep serving; report and retry next time
            self.stderr.write(f"{command} lỗi: {exc}")
        finally:
            connections.close_all()

    def stop_children(self, children: dict[str, subprocess.Popen]) -> None:
        for process in children.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 15
        for process in children.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.stdout.write("Đã dừng Loa.")
