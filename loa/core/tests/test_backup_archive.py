"""Reading a backup archive: only Loa's own sections, nothing outside the staging folder, clear errors.

(The round trips of whole sites through `loa backup`/`loa restore` are in tests/ops/test_backup.py.)
"""
from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from loa.core.backup import BackupError, files_under, unpack

MANIFEST = {"format": "loa-backup", "format_version": 1,
            "database": {"engine": "sqlite", "file": "database/loa.sqlite3"}}


def write_tar(path: Path, entries: list[tuple[str, bytes | None]], mode: str = "w") -> Path:
    with tarfile.open(path, mode) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            if data is None:
                info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return path


def good_entries() -> list[tuple[str, bytes | None]]:
    return [("database/loa.sqlite3", b"SQLite format 3\x00"), ("media/original_images/a.png", b"png"),
            ("manifest.json", json.dumps(MANIFEST).encode())]


def test_a_well_formed_archive_unpacks(tmp_path):
    archive = write_tar(tmp_path / "ok.tar.gz", good_entries(), "w:gz")
    manifest = unpack(archive, tmp_path / "out")
    assert manifest["database"]["engine"] == "sqlite"
    assert (tmp_path / "out" / "media" / "original_images" / "a.png").read_bytes() == b"png"


@pytest.mark.parametrize("evil", ["../escaped.txt", "media/../../escaped.txt", "/tmp/loa-escaped-absolute.txt",
                                  "stray.txt", "media"])
def test_members_outside_the_sections_are_refused(tmp_path, evil):
    archive = write_tar(tmp_path / "evil.tar", [(evil, b"x"), *good_entries()])
    with pytest.raises(BackupError, match="mục lạ|không phải bản sao lưu"):
        unpack(archive, tmp_path / "out")
    assert not (tmp_path / "escaped.txt").exists() and not Path("/tmp/loa-escaped-absolute.txt").exists()


def test_links_are_refused(tmp_path):
    archive = write_tar(tmp_path / "link.tar", [("media/passwd", None), *good_entries()])
    with pytest.raises(BackupError, match="mục lạ"):
        unpack(archive, tmp_path / "out")


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "missing"])
def test_unreadable_files_get_a_clear_error(tmp_path, damage):
    archive = write_tar(tmp_path / "ok.tar.gz", good_entries() + [("media/big.bin", bytes(range(256)) * 4000)], "w:gz")
    data = archive.read_bytes()
    bad = tmp_path / "bad.tar.gz"
    if damage == "truncated":
        bad.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        bad.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 8)
    elif damage == "empty":
        bad.write_bytes(b"")
    with pytest.raises(BackupError):
        unpack(bad, tmp_path / "out")


@pytest.mark.parametrize("manifest", [None, b"{not json", json.dumps({"format": "other"}).encode(),
                                      json.dumps({**MANIFEST, "format_version": 99}).encode(),
                                      json.dumps({**MANIFEST, "database": {"engine": "oracle"}}).encode()])
def test_a_missing_or_foreign_manifest_is_refused(tmp_path, manifest):
    entries = [entry for entry in good_entries() if entry[0] != "manifest.json"]
    if manifest is not None:
        entries.append(("manifest.json", manifest))
    with pytest.raises(BackupError):
        unpack(write_tar(tmp_path / "m.tar", entries), tmp_path / "out")


def test_symlinks_in_the_data_are_not_followed_into_a_backup(tmp_path):
    (tmp_path / "media" / "images").mkdir(parents=True)
    (tmp_path / "media" / "images" / "a.jpg").write_bytes(b"jpg")
    (tmp_path / "media" / "secret").symlink_to("/etc/hostname")
    assert [relative for _path, relative in files_under(tmp_path / "media")] == ["images/a.jpg"]
