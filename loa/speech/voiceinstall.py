"""Installing and removing voice packs: from a model file, a URL or a catalogued Vietnamese voice.

Installing is all or nothing: everything is made in a hidden folder beside the packs
(`.install-<id>-…`), checked (sha256, config, the model loads and speaks), then renamed
into place. Downloads resume: the partial file is kept under `.downloads/` until it
is complete and verified.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from loa.speech.files import write_files_atomically
from loa.speech.voicepacks import (
    CONFIG_FILE,
    MANIFEST,
    MANIFEST_FORMAT,
    MODEL_FILE,
    SHA256,
    PackError,
    Preferences,
    check_gender,
    check_region,
    check_voice_id,
    read_config,
    read_preferences,
    voice_from_manifest,
    write_preferences,
)
from loa.speech.voices import Voice, VoicesFolder, voices_dir

Progress = Callable[[int, int | None], None]  # (bytes so far, total bytes or None)
DOWNLOADS = ".downloads"
BLOCK = 1 << 20
TIMEOUT = 30  # seconds without data before a download gives up (it resumes next time)
TEST_SENTENCE = "Xin chào quý vị và các bạn."


@dataclass(frozen=True)
class CatalogueVoice:
    key: str
    name: str
    region: str
    gender: str | None
    model_url: str
    config_url: str
    sha256: str
    size: int
    licence: str
    note: str


def catalogue() -> dict[str, CatalogueVoice]:
    """The known Vietnamese Piper voices (loa/speech/voice_catalogue.json)."""
    data = json.loads(files("loa.speech").joinpath("voice_catalogue.json").read_text(encoding="utf-8"))
    return {
        key: CatalogueVoice(key, entry["name"], entry["region"], entry["gender"], entry["model_url"],
                            entry["config_url"], entry["sha256"], entry["size"], entry["licence"], entry["note"])
        for key, entry in data.items()
    }


@dataclass(frozen=True)
class Source:
    """Where a pack's files come from, and what is known about them before fetching."""

    model: str  # path or URL
    config: str
    label: str  # for the manifest's "source"
    sha256: str | None = None
    size: int | None = None
    catalogued: CatalogueVoice | None = None
    licence: str = ""


def resolve_source(source: str) -> Source:
    known = catalogue()
    if source in known:
        entry = known[source]
        return Source(entry.model_url, entry.config_url, f"catalogue:{source} {entry.model_url}",
                      entry.sha256, entry.size, entry)
    parsed = urllib.parse.urlsplit(source)
    if parsed.scheme in ("http", "https"):
        config_url = urllib.parse.urlunsplit(parsed._replace(path=parsed.path + ".json"))
        return Source(source, config_url, source)
    if parsed.scheme and len(parsed.scheme) > 1:
        raise PackError(f"chỉ tải được qua http:// hoặc https://, không phải {parsed.scheme}://")
    path = Path(source).expanduser()
    if not path.is_file():
        names = ", ".join(known)
        raise PackError(f"không tìm thấy tệp mô hình {source} (hoặc tên giọng trong danh mục: {names})")
    config = path.with_name(path.name + ".json")
    if not config.is_file():
        raise PackError(f"thiếu tệp cấu hình {config.name} bên cạnh {path.name}")
    return Source(str(path.resolve()), str(config.resolve()), str(path.resolve()), licence=card_licence(path))


def card_licence(model: Path) -> str:
    """The "License:" line of a Piper MODEL_CARD beside the model, if there is one."""
    try:
        card = (model.parent / "MODEL_CARD").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    for line in card.splitlines():
        label, _, value = line.strip().lstrip("*").strip().partition(":")
        if label.strip().lower() == "license" and value.strip():
            return f"{value.strip()} (theo MODEL_CARD)"
    return ""


def install_voice(
    source: str,
    voice_id: str,
    name: str | None = None,
    region: str | None = None,
    gender: str | None = None,
    sha256: str | None = None,
    folder: VoicesFolder = None,
    progress: Progress | None = None,
) -> Voice:
    """Install a voice pack as `<voices folder>/<voice_id>/`; PackError (one line) if anything is wrong."""
    root = voices_dir(folder)
    check_voice_id(voice_id)
    if sha256 is not None and not SHA256.match(sha256.lower()):
        raise PackError("--sha256 phải là 64 chữ số thập lục phân")
    target = root / voice_id
    if target.exists():
        raise PackError(f"đã có giọng {voice_id!r}; gỡ trước bằng: loa voices remove {voice_id}")
    origin = resolve_source(source)
    known = origin.catalogued
    name = name or (known.name if known else None)
    region = region or (known.region if known else None)
    gender = gender or (known.gender if known else None)
    if not name:
        raise PackError("thiếu --name (tên giọng hiển thị cho người nghe)")
    if not region:
        raise PackError("thiếu --region (north, central hoặc south)")
    if not gender:
        raise PackError("thiếu --gender (female hoặc male)" + (f"; {known.note}" if known else ""))
    expected = (sha256 or origin.sha256 or "").lower() or None
    if sha256 and origin.sha256 and sha256.lower() != origin.sha256:
        raise PackError(f"--sha256 khác sha256 của {source} trong danh mục ({origin.sha256})")
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".install-{voice_id}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        fetched_sha = fetch(origin.model, staging / MODEL_FILE, root, expected, origin.size, progress)
        fetch(origin.config, staging / CONFIG_FILE, root, None, None, None)
        config = read_config(staging / CONFIG_FILE)
        installed_sha = prepare_model(staging / MODEL_FILE)
        manifest = {
            "format": MANIFEST_FORMAT, "id": voice_id, "name": name,
            "region": check_region(region), "gender": check_gender(gender), "engine": "piper",
            "model": MODEL_FILE, "config": CONFIG_FILE, "sha256": installed_sha,
            "model_size": (staging / MODEL_FILE).stat().st_size, "source_sha256": fetched_sha,
            "config_sha256": _sha256_of(staging / CONFIG_FILE), "sample_rate": config["audio"]["sample_rate"],
            "language": (config.get("language") or {}).get("code", ""), "source": origin.label,
            "licence": known.licence if known else origin.licence, "installed_at": datetime.now(UTC).isoformat(),
        }
        write_files_atomically([(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())])
        voice = voice_from_manifest(staging, manifest, staged=True)
        if voice.error:
            raise PackError(voice.error)
        try_speaking(voice)
        try:
            os.rename(staging, target)
        except OSError as exc:
            raise PackError(f"không đặt được giọng vào {target}: {exc.strerror}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return replace(voice, folder=str(target))


def remove_voice(voice_id: str, folder: VoicesFolder = None) -> None:
    """Remove an installed pack (at once: renamed aside, then deleted); the built-in voices stay."""
    root = voices_dir(folder)
    check_voice_id(voice_id)
    target = root / voice_id
    if not target.is_dir():
        raise PackError(f"không có giọng đã cài {voice_id!r}")
    aside = root / f".remove-{voice_id}-{secrets.token_hex(4)}"
    os.rename(target, aside)
    shutil.rmtree(aside, ignore_errors=True)
    from loa.speech.engines.piper import forget_engines

    forget_engines(str(target))
    preferences = read_preferences(root)
    if preferences.default == voice_id or (preferences.offered and voice_id in preferences.offered):
        offered = tuple(v for v in preferences.offered if v != voice_id) if preferences.offered is not None else None
        write_preferences(root, Preferences(None if preferences.default == voice_id else preferences.default, offered))


def prepare_model(model: Path) -> str:
    """Add the phoneme-duration output (word timings) to the model in place; returns its sha256."""
    import onnx

    from loa.speech.engines.piper import add_alignment_output

    try:
        proto = onnx.load(str(model))
    except Exception as exc:  # noqa: BLE001  onnx raises protobuf's DecodeError and others
        raise PackError(f"tệp mô hình không phải mô hình ONNX đọc được: {_one_line(exc)}") from None
    try:
        add_alignment_output(proto)
    except ValueError:
        return _sha256_of(model)  # already patched, or no durations to expose
    patched = model.with_name(model.name + ".patched")
    onnx.save(proto, str(patched))
    os.replace(patched, model)
    return _sha256_of(model)


def try_speaking(voice: Voice) -> float:
    """Load the model and read a sentence; returns the real-time factor. PackError if it cannot."""
    from loa.speech.engines.base import speak_one
    from loa.speech.engines.piper import PiperEngine
    from loa.speech.voices import VoiceUnavailableError

    try:
        engine = PiperEngine(voice)
        started = time.perf_counter()
        speech = speak_one(engine, TEST_SENTENCE, voice)
        elapsed = time.perf_counter() - started
    except VoiceUnavailableError as exc:
        raise PackError(f"mô hình không dùng được: {exc.reason}") from None
    except Exception as exc:  # noqa: BLE001  whatever the model raised, the install fails with it
        raise PackError(f"mô hình không đọc được câu thử: {_one_line(exc)}") from None
    if len(speech.pcm) < engine.sample_rate // 10 or not speech.pcm.any():
        raise PackError("mô hình không tạo ra âm thanh cho câu thử")
    return elapsed / (len(speech.pcm) / engine.sample_rate)


# -- fetching files ----------------------------------------------------------------------------

def fetch(source: str, destination: Path, root: Path, sha256: str | None, size: int | None,
          progress: Progress | None) -> str:
    """Copy or download `source` to `destination`, verify its sha256 if known; returns its sha256."""
    if urllib.parse.urlsplit(source).scheme in ("http", "https"):
        partial = download(source, root, size, progress)
        digest = _sha256_of(partial)
        if sha256 and digest != sha256:
            partial.unlink(missing_ok=True)
            raise PackError(f"sha256 của tệp tải về không khớp: {digest}, mong đợi {sha256}")
        shutil.move(str(partial), destination)
        return digest
    digest = _copy_hashing(Path(source), destination)
    if sha256 and digest != sha256:
        raise PackError(f"sha256 của {Path(source).name} không khớp: {digest}, mong đợi {sha256}")
    return digest


def download(url: str, root: Path, size: int | None, progress: Progress | None) -> Path:
    """Download `url` into `<root>/.downloads/`, resuming a partial download; returns the complete file."""
    folder = root / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".part")
    have = partial.stat().st_size if partial.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": "loa-voices/1", "Accept-Encoding": "identity"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have and (size is None or have == size):
            return partial  # already complete
        raise PackError(f"máy chủ trả lỗi {exc.code} cho {url}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PackError(f"không tải được {url}: {_one_line(getattr(exc, 'reason', exc))}") from None
    with response:
        resumed = response.status == 206 and have > 0
        total = _total_size(response, have if resumed else 0) or size
        mode = "ab" if resumed else "wb"
        done = have if resumed else 0
        try:
            with open(partial, mode) as out:
                while block := response.read(BLOCK):
                    out.write(block)
                    done += len(block)
                    if progress is not None:
                        progress(done, total)
        except OSError as exc:
            raise PackError(f"tải {url} bị ngắt ở {done:,} byte ({_one_line(exc)}); chạy lại lệnh để tải tiếp") from None
    if total is not None and done != total:
        raise PackError(f"tải {url} bị ngắt ở {done:,}/{total:,} byte; chạy lại lệnh để tải tiếp")
    return partial


def _total_size(response: Any, offset: int) -> int | None:
    content_range = response.headers.get("Content-Range", "")
    if "/" in content_range and content_range.rsplit("/", 1)[1].strip().isdigit():
        return int(content_range.rsplit("/", 1)[1])
    length = response.headers.get("Content-Length")
    return offset + int(length) if length and length.isdigit() else None


def _copy_hashing(source: Path, destination: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as reader, open(destination, "wb") as writer:
            while block := reader.read(BLOCK):
                digest.update(block)
                writer.write(block)
    except OSError as exc:
        raise PackError(f"không chép được {source}: {exc.strerror}") from None
    return digest.hexdigest()


def _sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _one_line(value: object) -> str:
    message = " ".join(str(value).split())
    return message if len(message) <= 200 else message[:197] + "..."
