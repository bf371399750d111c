"""`loa backup` and `loa restore` on real demo sites (SQLite and PostgreSQL), through the `loa` command."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from .conftest import Site

SNAPSHOT = Path(__file__).with_name("snapshot.py")


def snapshot(site: Site, over_http: bool = True) -> dict:
    """What the site holds; over_http=False: its rows and files only, without rendering every page again."""
    done = subprocess.run([sys.executable, str(SNAPSHOT), *([] if over_http else ["--rows"])], env=site.env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def rows_of(full: dict) -> dict:
    """A snapshot taken over HTTP, less what only HTTP gave (each page's answer, each narration's served audio)."""
    return {**full, "pages": [row[:4] for row in full["pages"]], "audio": [row[:4] for row in full["audio"]]}


def members(archive: Path) -> list[str]:
    with tarfile.open(archive) as tar:
        return tar.getnames()


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_demo_site_comes_back_with_the_same_pages_images_and_audio(site_factory, sqlite_demo, kind, tmp_path):
    empty_site, demo_site = site_factory
    source = sqlite_demo if kind == "sqlite" else demo_site("postgresql")
    voice_pack = source.data_dir / "voices" / "vi-test-pack"
    voice_pack.mkdir(parents=True, exist_ok=True)
    (voice_pack / "voice.json").write_text('{"id": "vi-test-pack"}')
    before = snapshot(source)
    assert before["audio"] and all(row[2] == "ready" and row[5] == 200 for row in before["audio"])
    assert before["images"] and len(before["pages"]) > 5

    archive = tmp_path / "site.tar.gz"
    source.loa("backup", "-o", str(archive))
    assert (archive.stat().st_mode & 0o777) == 0o600  # it holds the password hashes
    names = members(archive)
    assert "secret_key" not in names and not any(n.startswith("readaloud-cache/") for n in names)
    assert "voices/vi-test-pack/voice.json" in names
    assert any(n.startswith("media/readaloud/") and n.endswith(".mp3") for n in names)
    manifest = manifest_of(archive)
    assert manifest["loa_version"] and manifest["created_at"] and manifest["database"]["engine"] == kind
    assert manifest["counts"]["audio"] == len(before["audio"]) and manifest["counts"]["images"] == len(before["images"])
    assert manifest["counts"]["pages"] == len(before["pages"]) - 1  # without Wagtail's tree root

    target = empty_site(kind)
    restored = target.loa("restore", str(archive))
    assert "không có khoá bí mật" in restored.stdout
    after = snapshot(target)
    assert after == before
    assert (target.data_dir / "secret_key").read_text() != (source.data_dir / "secret_key").read_text()

    # A second restore into the now occupied target is refused and changes nothing ...
    refused = target.loa("restore", str(archive), check=False)
    assert refused.returncode != 0 and "không trống" in refused.stderr and "--force" in refused.stderr
    # ... unless forced: the target then holds exactly the backup again, nothing of its own (its pages were
    # seen answering after the first restore; here its rows and files are compared).
    (target.data_dir / "media" / "original_images" / "stray.png").write_bytes(b"not from the backup")
    target.loa("restore", "--force", str(archive))
    assert snapshot(target, over_http=False) == rows_of(before)


def test_the_secret_key_only_when_asked_and_the_sentence_cache_on_request(site_factory, sqlite_demo, tmp_path):
    empty_site, _ = site_factory
    archive = tmp_path / "with-secret.tar"
    sqlite_demo.loa("backup", "-o", str(archive), "--with-secret", "--with-sentence-cache")
    with tarfile.open(archive) as tar:  # .tar: not compressed
        assert tar.extractfile("secret_key").read().decode() == (sqlite_demo.data_dir / "secret_key").read_text()
        assert any(n.startswith("readaloud-cache/") for n in tar.getnames())
    target = empty_site("sqlite")
    target.loa("restore", str(archive))
    assert (target.data_dir / "secret_key").read_text() == (sqlite_demo.data_dir / "secret_key").read_text()
    assert ((target.data_dir / "secret_key").stat().st_mode & 0o777) == 0o600
    cached = sorted(p.name for p in (target.data_dir / "readaloud-cache").rglob("*") if p.is_file())
    assert cached and cached == sorted(p.name for p in (sqlite_demo.data_dir / "readaloud-cache").rglob("*")
                                       if p.is_file())


def fingerprint(site: Site) -> dict[str, str]:
    """Every file of a data directory with its hash (database included): what a refused restore must not change."""
    return {path.relative_to(site.data_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.data_dir.rglob("*")) if path.is_file()}


def test_a_damaged_archive_is_refused_before_anything_is_replaced(site_factory, sqlite_demo, tmp_path):
    """Even with --force: the archive is read to its end and checked before the target is touched."""
    empty_site, _ = site_factory
    archive = tmp_path / "site.tar.gz"
    sqlite_demo.loa("backup", "-o", str(archive))
    target = empty_site("sqlite")
    target.loa("restore", str(archive))
    before = fingerprint(target)
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size * 3 // 4])
    done = target.loa("restore", "--force", str(truncated), check=False)
    assert done.returncode != 0 and "hỏng hoặc bị cắt cụt" in done.stderr and "Traceback" not in done.stderr
    assert fingerprint(target) == before  # no staging folder left behind either


def test_an_sqlite_backup_is_not_poured_into_postgresql(site_factory, sqlite_demo, tmp_path):
    empty_site, _ = site_factory
    archive = tmp_path / "site.tar.gz"
    sqlite_demo.loa("backup", "-o", str(archive))
    target = empty_site("postgresql")
    done = target.loa("restore", str(archive), check=False)
    assert done.returncode != 0 and "SQLite" in done.stderr and "PostgreSQL" in done.stderr
    assert not (target.data_dir / "media").exists()


def test_backup_refuses_to_write_into_the_data_it_copies(sqlite_demo):
    done = sqlite_demo.loa("backup", "-o", str(sqlite_demo.data_dir / "media" / "self.tar.gz"), check=False)
    assert done.returncode != 0 and "tự chứa chính nó" in done.stderr
    assert not (sqlite_demo.data_dir / "media" / "self.tar.gz").exists()
