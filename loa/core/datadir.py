"""The data directory (LOA_DATA_DIR) and the secret key kept in it, prepared before Django starts.

Importing the settings creates no file: the `loa` command and the WSGI module call
`prepare()` first, so a fresh install gets its folder and a stable random key.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "data"  # beside the package, as `make run` expects
KEY_FILE = "secret_key"


def data_dir() -> Path:
    return Path(os.environ.get("LOA_DATA_DIR") or DEFAULT).resolve()


def read_secret_key(folder: Path | None = None) -> str:
    """SECRET_KEY from the environment, else the key kept in the data directory, else ""."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    try:
        return ((folder or data_dir()) / KEY_FILE).read_text().strip()
    except FileNotFoundError:
        return ""


def prepare(folder: Path | None = None) -> Path:
    """Create the data directory and, unless SECRET_KEY is set, a private random key in it (once)."""
    folder = folder or data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / KEY_FILE
    if not os.environ.get("SECRET_KEY") and not path.exists():
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process was first
            return folder
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return folder
