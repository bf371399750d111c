"""One archive with everything a site needs to come back: `loa backup -o FILE`, `loa restore FILE`.

    manifest.json              what is inside: Loa version, date, database engine, counts
    database/loa.sqlite3       SQLite's online backup (or database/loa.pgdump: pg_dump custom format)
    media/...                  MEDIA_ROOT: images, renditions, documents, read-aloud audio
    voices/...                 installed voice packs (LOA_DATA_DIR/voices), when there are any
    readaloud-cache/...        the sentence audio cache, only with --with-sentence-cache
    secret_key                 only with --with-secret

The archive is a tar file (gzip-compressed unless its name ends in .tar, .tar.xz or
.tar.bz2), written under a temporary name and renamed when complete, readable only by
its owner: it holds the editors' password hashes. Restoring checks the whole archive
and the database copy before it touches anything, refuses a target that already holds
a site unless asked to replace it, then brings the schema up to this version of Loa.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import socket
import tarfile
import tempfile
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

import loa

from . import dbdump
from .cache import bump_content_version
from .datadir import KEY_FILE

FORMAT, FORMAT_VERSION = "loa-backup", 1
MANIFEST = "manifest.json"
DATABASE_DIR = "database"
SECRET_MEMBER = "secret_key"
MEDIA, VOICES, SENTENCE_CACHE = "media", "voices", "readaloud-cache"
FOLDER_SECTIONS = (MEDIA, VOICES, SENTENCE_CACHE)
COMPRESSION = {".tar": "", ".xz": "xz", ".txz": "xz", ".bz2": "bz2", ".tbz2": "bz2"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why (in Vietnamese)."""


def section_folders() -> dict[str, Path]:
    data = Path(settings.DATA_DIR)
    cache = getattr(settings, "READALOUD_CACHE_DIR", "") or data / "readaloud-cache"
    return {MEDIA: Path(settings.MEDIA_ROOT), VOICES: data / "voices", SENTENCE_CACHE: Path(cache)}


def files_under(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file below `folder` (sorted) with its path relative to it; symlinks are skipped."""
    if not folder.is_dir():
        return
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.is_file() and not path.is_symlink():
                yield path, path.relative_to(folder).as_posix()


def has_files(folder: Path) -> bool:
    return next(files_under(folder), None) is not None


# -- writing ------------------------------------------------------------------------------------

@dataclass
class BackupResult:
    path: Path
    manifest: dict
    size: int = 0


def _compression_for(path: Path) -> str:
    return COMPRESSION.get(path.suffix.lower(), "gz")


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> int | None:
    """Add one file; its size, or None if it vanished meanwhile (e.g. replaced audio deleted)."""
    try:
        with open(path, "rb") as handle:
            info = tar.gettarinfo(fileobj=handle, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = 0o644
            tar.addfile(info, handle)
            return info.size
    except FileNotFoundError:
        return None


def write_backup(output: Path, *, with_sentence_cache: bool = False, with_secret: bool = False,
                 report: Callable[[str], None] = lambda _line: None) -> BackupResult:
    """Write the archive to `output` (replaced only once the new one is complete)."""
    output = output.resolve()
    if output.is_dir():
        raise BackupError(f"{output} là một thư mục; hãy cho tên tệp, ví dụ {output / 'loa-backup.tar.gz'}")
    if not output.parent.is_dir():
        raise BackupError(f"không có thư mục {output.parent}")
    folders = section_folders()
    for inside in (folders[MEDIA].resolve(), Path(settings.DATA_DIR).resolve()):
        if output.is_relative_to(inside):
            raise BackupError(f"không ghi bản sao lưu vào trong {inside}: nó sẽ tự chứa chính nó")
    partial = output.with_name(f".{output.name}.{uuid.uuid4().hex[:8]}.partial")
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "loa_version": loa.__version__,
        "created_at": timezone.localtime().isoformat(timespec="seconds"), "host": socket.gethostname(),
        "secret_key": bool(with_secret), "counts": {}, "sections": {},
    }
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise BackupError(f"không tạo được tệp trong {output.parent}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode=f"w:{_compression_for(output)}",
                                                              format=tarfile.PAX_FORMAT) as tar:
            with tempfile.TemporaryDirectory(prefix="loa-backup-") as scratch:
                report(f"Sao lưu cơ sở dữ liệu ({dbdump.describe_target()})…")
                database = dbdump.dump(Path(scratch))
                _add_file(tar, Path(scratch) / database["file"], f"{DATABASE_DIR}/{database['file']}")
            database["file"] = f"{DATABASE_DIR}/{database['file']}"
            manifest["database"] = database
            manifest["counts"] = database.pop("counts")
            # Files after the database: anything the database names existed when it was copied.
            wanted = [MEDIA, VOICES] + ([SENTENCE_CACHE] if with_sentence_cache else [])
            for section in wanted:
                folder = folders[section]
                if not folder.is_dir():
                    continue
                report(f"Sao lưu {section} ({folder})…")
                count = size = 0
                for path, relative in files_under(folder):
                    added = _add_file(tar, path, f"{section}/{relative}")
                    if added is not None:
                        count, size = count + 1, size + added
                manifest["sections"][section] = {"files": count, "bytes": size}
            if with_secret:
                _add_bytes(tar, SECRET_MEMBER, settings.SECRET_KEY.encode(), mode=0o600)
            _add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
        os.replace(partial, output)
    except OSError as exc:  # e.g. the disk filled up: no half-written archive is left behind
        partial.unlink(missing_ok=True)
        raise BackupError(f"không ghi được bản sao lưu {output}: {exc.strerror or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(output, manifest, output.stat().st_size)


# -- reading ------------------------------------------------------------------------------------

def _allowed(name: str) -> bool:
    top = name.split("/", 1)[0]
    return name in (MANIFEST, SECRET_MEMBER) or (top in (DATABASE_DIR, *FOLDER_SECTIONS) and "/" in name)


def unpack(archive: Path, into: Path) -> dict:
    """Extract a whole archive into `into` (checking every member), return its manifest."""
    if not archive.is_file():
        raise BackupError(f"không tìm thấy tệp {archive}")
    try:
        with tarfile.open(archive, mode="r:*") as tar:
            for member in tar:
                if not (member.isfile() or member.isdir()) or not _allowed(member.name):
                    raise BackupError(f"bản sao lưu có mục lạ, không khôi phục: {member.name!r}")
                tar.extract(member, into, filter="data")
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as exc:
        raise BackupError(f"tệp {archive} không phải bản sao lưu Loa đọc được (hỏng hoặc bị cắt cụt): {exc}") from exc
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"bản sao lưu {archive} thiếu {MANIFEST} hoặc tệp này hỏng") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} không phải bản sao lưu Loa")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"bản sao lưu định dạng {manifest.get('format_version')}; phiên bản Loa này đọc định "
                          f"dạng {FORMAT_VERSION}")
    database = manifest.get("database") or {}
    if database.get("engine") not in dbdump.DUMP_NAMES or not (into / str(database.get("file", ""))).is_file():
        raise BackupError("bản sao lưu thiếu cơ sở dữ liệu")
    return manifest


def unknown_migrations(manifest: dict) -> list[str]:
    """Migrations applied in the backup that this version of Loa does not have (a newer backup)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [f"{app}.{name}" for app, names in manifest["database"].get("migrations", {}).items()
            for name in names if (app, name) not in known]


# -- restoring ----------------------------------------------------------------------------------

@dataclass
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    secret_restored: bool
    notes: list[str] = field(default_factory=list)


def occupied() -> list[str]:
    """What the target already holds (empty list: an empty data directory and database)."""
    found = []
    tables = dbdump.table_names()
    if tables:
        found.append(f"cơ sở dữ liệu {dbdump.describe_target()} đã có {len(tables)} bảng")
    folders = section_folders()
    for section in (MEDIA, VOICES):
        if has_files(folders[section]):
            found.append(f"thư mục {folders[section]} đã có tệp")
    return found


def _replace_folder(staged: Path, target: Path) -> None:
    """Make `target` hold exactly what `staged` holds (moved, not copied, when on one file system)."""
    target.mkdir(parents=True, exist_ok=True)
    for child in list(target.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if staged.is_dir():
        for child in staged.iterdir():
            shutil.move(str(child), target / child.name)


def _write_secret(data_dir: Path, secret: str) -> None:
    path = data_dir / KEY_FILE
    temporary = data_dir / f".{KEY_FILE}.{uuid.uuid4().hex[:8]}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret)
    os.replace(temporary, path)


def restore_backup(archive: Path, *, force: bool = False,
                   report: Callable[[str], None] = lambda _line: None) -> RestoreResult:
    if not archive.is_file():
        raise BackupError(f"không tìm thấy tệp {archive}")
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    busy = occupied()
    if busy and not force:
        raise BackupError("nơi khôi phục không trống (" + "; ".join(busy) + "). Khôi phục vào thư mục dữ liệu và "
                          "cơ sở dữ liệu trống, hoặc thêm --force để thay toàn bộ nội dung hiện có.")
    notes: list[str] = []
    staging = Path(tempfile.mkdtemp(prefix=".loa-restore-", dir=data_dir))
    try:
        report(f"Đọc và kiểm tra {archive}…")
        manifest = unpack(archive, staging)
        newer = unknown_migrations(manifest)
        if newer:
            raise BackupError(f"bản sao lưu từ Loa {manifest.get('loa_version')} mới hơn phiên bản này "
                              f"({loa.__version__}): có migration lạ {', '.join(newer[:5])}; hãy cập nhật Loa trước")
        database = manifest["database"]
        dump_path = staging / database["file"]
        dbdump.verify(database["engine"], dump_path)

        report(f"Khôi phục cơ sở dữ liệu vào {dbdump.describe_target()}…")
        dbdump.restore(database["engine"], dump_path, replace=bool(busy))
        folders = section_folders()
        for section in FOLDER_SECTIONS:
            staged, target = staging / section, folders[section]
            # A folder in the archive replaces the target's; without one, an old site's media and
            # voices go (only reached with --force), a sentence cache stays (it is only a cache).
            if staged.is_dir() or (section != SENTENCE_CACHE and has_files(target)):
                report(f"Khôi phục {section} vào {target}…")
                _replace_folder(staged, target)
        secret_restored = (staging / SECRET_MEMBER).is_file()
        if secret_restored:
            _write_secret(data_dir, (staging / SECRET_MEMBER).read_text().strip())
            if os.environ.get("SECRET_KEY"):
                notes.append("biến môi trường SECRET_KEY vẫn được dùng thay cho khoá bí mật vừa khôi phục")
        else:
            notes.append("bản sao lưu không có khoá bí mật: người dùng cần đăng nhập lại")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report("Cập nhật cấu trúc cơ sở dữ liệu (migrate)…")
    call_command("migrate", interactive=False, verbosity=0)
    bump_content_version()
    return RestoreResult(manifest, dbdump.live_counts(), secret_restored, notes)
