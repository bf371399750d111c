"""Writing files so that nothing half-written is ever seen: a temporary name beside each, then renames."""
from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def write_files_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write each file to a temporary name beside it, then rename them all into place."""
    written: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            written.append((_write_temporary(path, data), path))
        for temporary, path in written:
            _reported_as(path, os.replace, temporary, path)
    except BaseException:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise


def _write_temporary(path: Path, data: bytes) -> Path:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # os.open honours the umask (tempfile.mkstemp would make the file private).
    descriptor = _reported_as(path, os.open, temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as out:
            _reported_as(path, out.write, data)
            _reported_as(path, out.flush)
            _reported_as(path, os.fsync, out.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _reported_as(path: Path, operation: Callable[..., T], *args: Any) -> T:
    """Run `operation`; an OSError names `path`, not the temporary file the user never asked for."""
    try:
        return operation(*args)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
