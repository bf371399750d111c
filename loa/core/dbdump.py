"""Consistent copies of the site's database, and putting one back: SQLite and PostgreSQL.

- SQLite: the online backup API (`sqlite3.Connection.backup`) copies a consistent snapshot
  while the server keeps running, WAL included; restoring copies the other way.
- PostgreSQL: `pg_dump --format=custom` inside an exported snapshot, so the row counts in
  the manifest are those of the dump; restoring runs `pg_restore`'s script through
  `psql --single-transaction`, so a failed restore leaves the database as it was.

The connection settings come from Django's DATABASES; a password travels in PGPASSWORD,
never on a command line that `ps` would show.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction

SQLITE, POSTGRESQL = "sqlite", "postgresql"
DUMP_NAMES = {SQLITE: "loa.sqlite3", POSTGRESQL: "loa.pgdump"}
# What the manifest counts: name -> (app label, model name, SQL condition or "").
COUNTED = {
    "pages": ("wagtailcore", "Page", "depth > 1"),
    "live_pages": ("wagtailcore", "Page", "depth > 1 AND live"),
    "images": ("wagtailimages", "Image", ""),
    "documents": ("wagtaildocs", "Document", ""),
    "audio": ("readaloud", "Narration", "state = 'ready'"),
    "users": ("auth", "User", ""),
}


class DumpError(Exception):
    """A dump or restore that could not be done; the message says why, in Vietnamese."""


def engine() -> str:
    name = settings.DATABASES["default"]["ENGINE"]
    if name.endswith("sqlite3"):
        return SQLITE
    if "postgresql" in name:
        return POSTGRESQL
    raise DumpError(f"chưa hỗ trợ sao lưu cơ sở dữ liệu loại {name}")


def describe_target() -> str:
    db = settings.DATABASES["default"]
    if engine() == SQLITE:
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('NAME')} trên {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


# -- what is in a database ----------------------------------------------------------------------

def _counts(cursor: Any, tables: set[str]) -> dict[str, int]:
    found = {}
    for label, (app, model, condition) in COUNTED.items():
        try:
            table = apps.get_model(app, model)._meta.db_table
        except LookupError:
            continue
        if table in tables:
            where = f" WHERE {condition}" if condition else ""
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"{where}')
            found[label] = int(cursor.fetchone()[0])
    return found


def _migrations(cursor: Any, tables: set[str]) -> dict[str, list[str]]:
    if "django_migrations" not in tables:
        return {}
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def _sqlite_tables(cursor: Any) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in cursor.fetchall()}


def table_names() -> list[str]:
    """The tables of the configured database (none: it is empty; a missing SQLite file counts as empty)."""
    if engine() == SQLITE and not Path(settings.DATABASES["default"]["NAME"]).exists():
        return []
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def live_counts() -> dict[str, int]:
    """The manifest's counts for the configured database, as it is now."""
    with connection.cursor() as cursor:
        return _counts(cursor, set(connection.introspection.table_names(cursor)))


# -- dumping ------------------------------------------------------------------------------------

def dump(folder: Path) -> dict:
    """Write a consistent copy of the database into `folder`; returns its manifest entry."""
    kind = engine()
    path = folder / DUMP_NAMES[kind]
    try:
        if kind == SQLITE:
            counts, migrations = _dump_sqlite(path)
        else:
            counts, migrations = _dump_postgresql(path)
    except (sqlite3.Error, DatabaseError) as exc:
        raise DumpError(f"không đọc được cơ sở dữ liệu {describe_target()}: {exc}") from exc
    return {"engine": kind, "file": path.name, "bytes": path.stat().st_size, "counts": counts,
            "migrations": migrations}


def _dump_sqlite(path: Path) -> tuple[dict, dict]:
    source_name = settings.DATABASES["default"]["NAME"]
    if not Path(source_name).exists():
        raise DumpError(f"không có tệp cơ sở dữ liệu {source_name}")
    with contextlib.closing(sqlite3.connect(source_name, timeout=30)) as source, \
            contextlib.closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
        cursor = copy.cursor()
        tables = _sqlite_tables(cursor)
        return _counts(cursor, tables), _migrations(cursor, tables)


def pg_environment() -> dict[str, str]:
    """libpq's variables for the configured database (the password, too, stays out of argv)."""
    db = settings.DATABASES["default"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    pairs = {"PGDATABASE": db.get("NAME"), "PGUSER": db.get("USER"), "PGPASSWORD": db.get("PASSWORD"),
             "PGHOST": db.get("HOST"), "PGPORT": db.get("PORT")}
    options = db.get("OPTIONS") or {}
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"),
                             ("sslcert", "PGSSLCERT"), ("sslkey", "PGSSLKEY"), ("connect_timeout", "PGCONNECT_TIMEOUT")):
        pairs[variable] = options.get(option)
    env.update({key: str(value) for key, value in pairs.items() if value not in (None, "")})
    return env


def client_program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise DumpError(f"không tìm thấy chương trình {name} (cài gói postgresql-client)")
    return found


def _dump_postgresql(path: Path) -> tuple[dict, dict]:
    pg_dump = client_program("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = set(connection.introspection.table_names(cursor))
        counts, migrations = _counts(cursor, tables), _migrations(cursor, tables)
        # The dump sees exactly what this transaction sees (it stays open until pg_dump is done).
        _run([pg_dump, "--format=custom", "--compress=6", f"--snapshot={snapshot}", "--file", str(path)],
             "pg_dump")
    return counts, migrations


def _run(command: list[str], what: str, **kwargs: Any) -> subprocess.CompletedProcess:
    done = subprocess.run(command, env=pg_environment(), capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise DumpError(f"{what} thất bại (mã {done.returncode}): {done.stderr.strip()[-2000:]}")
    return done


# -- checking and restoring ---------------------------------------------------------------------

def verify(kind: str, path: Path) -> None:
    """Refuse a damaged copy before anything in the target is touched."""
    if kind == SQLITE:
        try:
            with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
                result = copy.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DumpError(f"tệp cơ sở dữ liệu trong bản sao lưu bị hỏng: {exc}") from exc
        if result != "ok":
            raise DumpError(f"tệp cơ sở dữ liệu trong bản sao lưu bị hỏng: {result}")
    else:
        _run([client_program("pg_restore"), "--list", str(path)], "pg_restore --list (kiểm tra bản dump)")


def restore(kind: str, path: Path, replace: bool) -> None:
    """Put the copy at `path` into the configured database (which must be of the same kind)."""
    target = engine()
    if target != kind:
        names = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}
        raise DumpError(f"bản sao lưu chứa cơ sở dữ liệu {names[kind]}, nhưng nơi khôi phục là {names[target]} "
                        f"({describe_target()}); đặt DATABASE_URL cho đúng loại")
    connections.close_all()
    if kind == SQLITE:
        _restore_sqlite(path)
    else:
        _restore_postgresql(path, replace)
    connections.close_all()


def _restore_sqlite(path: Path) -> None:
    target = Path(settings.DATABASES["default"]["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source, \
            contextlib.closing(sqlite3.connect(target, timeout=30)) as live:
        source.backup(live)


def _drop_statements() -> Iterator[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        tables = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
        sequences = [row[0] for row in cursor.fetchall()]
    quote = connection.ops.quote_name
    if tables:
        yield f"DROP TABLE IF EXISTS {', '.join(quote(t) for t in tables)} CASCADE;\n"
    if sequences:
        yield f"DROP SEQUENCE IF EXISTS {', '.join(quote(s) for s in sequences)} CASCADE;\n"


def _restore_postgresql(path: Path, replace: bool) -> None:
    pg_restore, psql = client_program("pg_restore"), client_program("psql")
    drops = list(_drop_statements()) if replace else []
    connections.close_all()
    env = pg_environment()
    with tempfile.TemporaryFile("w+") as restore_errors, tempfile.TemporaryFile("w+") as psql_errors:
        script = subprocess.Popen([pg_restore, "--no-owner", "--no-privileges", "--file", "-", str(path)],
                                  env=env, stdout=subprocess.PIPE, stderr=restore_errors)
        apply = subprocess.Popen([psql, "--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1",
                                  "--output", os.devnull], env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                 stderr=psql_errors)
        assert script.stdout is not None and apply.stdin is not None
        try:
            for statement in drops:
                apply.stdin.write(statement.encode())
            shutil.copyfileobj(script.stdout, apply.stdin, 1024 * 1024)
        except BrokenPipeError:
            pass  # psql stopped at an error; its message follows
        finally:
            with contextlib.suppress(BrokenPipeError):
                apply.stdin.close()
        script.wait()
        apply.wait()
        failures = [(name, process.returncode, errors) for name, process, errors in
                    (("pg_restore", script, restore_errors), ("psql", apply, psql_errors)) if process.returncode]
        if failures:
            messages = []
            for name, code, errors in failures:
                errors.seek(0)
                messages.append(f"{name} (mã {code}): {errors.read().strip()[-2000:]}")
            raise DumpError("khôi phục PostgreSQL thất bại, cơ sở dữ liệu giữ nguyên như trước: " + "; ".join(messages))

