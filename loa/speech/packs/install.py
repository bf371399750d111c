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
from loa.speech.packs.store import (
    CONFIG_FILE,
    MANIFEST,
    MANIFEST_FORMAT,
    MODEL_FILE,
    SHA256,
    STYLE_FILE,
    PackError,
    Preferences,
    check_gender,
    check_region,
    check_voice_id,
    read_config,
    read_kokoro_config,
    read_preferences,
    read_style,
    voice_from_manifest,
    write_preferences,
)
from loa.speech.voices import Voice

Progress = Callable[[int, int | None], None]  # (bytes so far, total bytes or None)
DOWNLOADS = ".downloads"
BLOCK = 1 << 20
TIMEOUT = 30  # seconds without data before a download gives up (it resumes next time)
TEST_SENTENCE = "Xin chào quý vị và các bạn."


@dataclass(frozen=True)
class Terms:
    """What a public body must know before it uses a voice ("không rõ" where nobody says)."""

    weights_licence: str  # the licence of the model weights
    data_origin: str  # what the voice was trained (and fine-tuned) on
    data_terms: str  # the licence or terms of that data
    consent: str  # whether the speaker(s) consented to a synthetic voice
    restricted: str = ""  # why it may not be used publicly or commercially ("" when nothing known forbids it)

    def as_dict(self) -> dict[str, str]:
        return {"weights_licence": self.weights_licence, "data_origin": self.data_origin,
                "data_terms": self.data_terms, "consent": self.consent, "restricted": self.restricted}


UNKNOWN = "không rõ"


@dataclass(frozen=True)
class CatalogueVoice:
    key: str
    voice_id: str  # the id it is installed under unless another is given
    name: str
    region: str
    gender: str | None
    engine: str
    model_url: str
    config_url: str
    style_url: str | None  # a Kokoro voice's style vectors
    sha256: str
    size: int
    terms: Terms
    note: str

    @property
    def licence(self) -> str:
        return self.terms.weights_licence

    @property
    def restricted(self) -> bool:
        return bool(self.terms.restricted)


def catalogue() -> dict[str, CatalogueVoice]:
    """The known Vietnamese voices with their terms (loa/speech/packs/catalogue.json)."""
    data = json.loads(files("loa.speech.packs").joinpath("catalogue.json").read_text(encoding="utf-8"))
    return {
        key: CatalogueVoice(
            key, entry["id"], entry["name"], entry["region"], entry["gender"], entry.get("engine", "piper"),
            entry["model_url"], entry["config_url"], entry.get("style_url"), entry["sha256"], entry["size"],
            Terms(**entry["terms"]), entry["note"],
        )
        for key, entry in data.items()
    }


@dataclass(frozen=True)
class Source:
    """Where a pack's files come from, and what is known about them before fetching."""

    model: str  # path or URL
    config: str
    label: str  # for the manifest's "source"
    engine: str = "piper"
    style: str | None = None  # path or URL of a Kokoro voice's style vectors
    sha256: str | None = None
    size: int | None = None
    catalogued: CatalogueVoice | None = None
    licence: str = ""


def resolve_source(source: str, style: str | None = None, config: str | None = None) -> Source:
    """A catalogue name, an http(s) URL or a model file; with `style` (style vectors) it is a Kokoro voice."""
    known = catalogue()
    if source in known:
        entry = known[source]
        return Source(entry.model_url, entry.config_url, f"catalogue:{source} {entry.model_url}", entry.engine,
                      entry.style_url, entry.sha256, entry.size, entry)
    engine = "kokoro" if style else "piper"
    parsed = urllib.parse.urlsplit(source)
    if parsed.scheme in ("http", "https"):
        config_url = config or urllib.parse.urlunsplit(parsed._replace(path=parsed.path + ".json"))
        return Source(source, config_url, source, engine, style)
    if parsed.scheme and len(parsed.scheme) > 1:
        raise PackError(f"chỉ tải được qua http:// hoặc https://, không phải {parsed.scheme}://")
    path = Path(source).expanduser()
    if not path.is_file():
        names = ", ".join(known)
        raise PackError(f"không tìm thấy tệp mô hình {source} (hoặc tên giọng trong danh mục: {names})")
    beside = [path.with_name(path.name + ".json")] + ([path.with_name("config.json")] if engine == "kokoro" else [])
    found = Path(config).expanduser() if config else next((c for c in beside if c.is_file()), beside[0])
    if not found.is_file():
        raise PackError(f"thiếu tệp cấu hình {found.name} bên cạnh {path.name}")
    if style and not urllib.parse.urlsplit(style).scheme:
        if not Path(style).expanduser().is_file():
            raise PackError(f"không tìm thấy tệp vectơ giọng {style}")
        style = str(Path(style).expanduser().resolve())
    return Source(str(path.resolve()), str(found.resolve()), str(path.resolve()), engine, style,
                  licence=card_licence(path))


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
    voice_id: str | None = None,
    name: str | None = None,
    region: str | None = None,
    gender: str | None = None,
    sha256: str | None = None,
    *,
    folder: str | os.PathLike[str],
    style: str | None = None,
    config: str | None = None,
    allow_restricted: bool = False,
    progress: Progress | None = None,
) -> Voice:
    """Install a voice pack as `<folder>/<voice_id>/`; PackError (one line) if anything is wrong.

    A catalogued voice needs only its name (`voice_id` defaults to the catalogue's id); one whose
    terms forbid public or commercial use, or are unknown, needs `allow_restricted`. A Kokoro
    voice is its model with `style` (its style vectors) and a config holding its phoneme vocabulary."""
    root = Path(folder)
    origin = resolve_source(source, style, config)
    voice_id = voice_id or (origin.catalogued.voice_id if origin.catalogued else None)
    if not voice_id:
        raise PackError("thiếu --id (mã của giọng mới, ví dụ vi-north-female-vais)")
    check_voice_id(voice_id)
    if sha256 is not None and not SHA256.match(sha256.lower()):
        raise PackError("--sha256 phải là 64 chữ số thập lục phân")
    target = root / voice_id
    if target.exists():
        raise PackError(f"đã có giọng {voice_id!r}; gỡ trước bằng: loa voices remove {voice_id}")
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
    if origin.catalogued is not None and origin.catalogued.restricted and not allow_restricted:
        raise PackError(f"giọng {source} bị hạn chế: {origin.catalogued.terms.restricted}; "
                        "chỉ cài khi đã cân nhắc điều khoản (--allow-restricted)")
    expected = (sha256 or origin.sha256 or "").lower() or None
    if sha256 and origin.sha256 and sha256.lower() != origin.sha256:
        raise PackError(f"--sha256 khác sha256 của {source} trong danh mục ({origin.sha256})")
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".install-{voice_id}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        fetched_sha = fetch(origin.model, staging / MODEL_FILE, root, expected, origin.size, progress)
        fetch(origin.config, staging / CONFIG_FILE, root, None, None, None)
        extra = _prepare_kokoro(origin, staging, root) if origin.engine == "kokoro" else _prepare_piper(staging)
        installed_sha = extra.pop("sha256")
        manifest = {
            "format": MANIFEST_FORMAT, "id": voice_id, "name": name,
            "region": check_region(region), "gender": check_gender(gender), "engine": origin.engine,
            "model": MODEL_FILE, "config": CONFIG_FILE, "sha256": installed_sha,
            "model_size": (staging / MODEL_FILE).stat().st_size, "source_sha256": fetched_sha,
            "config_sha256": _sha256_of(staging / CONFIG_FILE), **extra, "source": origin.label,
            "licence": known.licence if known else origin.licence,
            "terms": known.terms.as_dict() if known else None,
            "installed_at": datetime.now(UTC).isoformat(),
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


def remove_voice(voice_id: str, *, folder: str | os.PathLike[str]) -> None:
    """Remove an installed pack (at once: renamed aside, then deleted); the built-in voices stay."""
    root = Path(folder)
    check_voice_id(voice_id)
    target = root / voice_id
    if not target.is_dir():
        raise PackError(f"không có giọng đã cài {voice_id!r}")
    aside = root / f".remove-{voice_id}-{secrets.token_hex(4)}"
    os.rename(target, aside)
    shutil.rmtree(aside, ignore_errors=True)
    from loa.speech.engines import kokoro, piper

    piper.forget_engines(str(target))
    kokoro.forget_engines(str(target))
    preferences = read_preferences(root)
    if preferences.default == voice_id or (preferences.offered and voice_id in preferences.offered):
        offered = tuple(v for v in preferences.offered if v != voice_id) if preferences.offered is not None else None
        write_preferences(root, Preferences(None if preferences.default == voice_id else preferences.default, offered))


def _prepare_piper(staging: Path) -> dict[str, Any]:
    config = read_config(staging / CONFIG_FILE)
    return {"sha256": prepare_model(staging / MODEL_FILE), "sample_rate": config["audio"]["sample_rate"],
            "language": (config.get("language") or {}).get("code", "")}


def _prepare_kokoro(origin: Source, staging: Path, root: Path) -> dict[str, Any]:
    """The style vectors (as style.npy) and the model with its token-duration output."""
    import numpy as np

    from loa.speech.engines.kokoro import add_durations_output

    config = read_kokoro_config(staging / CONFIG_FILE)
    if not origin.style:
        raise PackError("thiếu --style (tệp vectơ giọng .npy hoặc .bin của giọng Kokoro)")
    fetched = staging / ("style-source" + (".bin" if origin.style.endswith(".bin") else ".npy"))
    fetch(origin.style, fetched, root, None, None, None)
    np.save(staging / STYLE_FILE, read_style(fetched), allow_pickle=False)
    fetched.unlink()
    return {"sha256": prepare_model(staging / MODEL_FILE, add_durations_output), "sample_rate": config["sample_rate"],
            "language": "vi", "style": STYLE_FILE, "style_sha256": _sha256_of(staging / STYLE_FILE)}


def prepare_model(model: Path, add_output: Callable[[Any], object] | None = None) -> str:
    """Add the phoneme-duration output (word timings) to the model in place; returns its sha256."""
    import onnx

    from loa.speech.engines.piper import add_alignment_output

    patch = add_output or add_alignment_output
    try:
        proto = onnx.load(str(model))
    except Exception as exc:  # noqa: BLE001  onnx raises protobuf's DecodeError and others
        raise PackError(f"tệp mô hình không phải mô hình ONNX đọc được: {_one_line(exc)}") from None
    try:
        if patch(proto) is False:
            return _sha256_of(model)  # already has it
    except ValueError:
        return _sha256_of(model)  # already patched, or no durations to expose
    patched = model.with_name(model.name + ".patched")
    onnx.save(proto, str(patched))
    os.replace(patched, model)
    return _sha256_of(model)


def try_speaking(voice: Voice) -> float:
    """Load the model and read a sentence; returns the real-time factor. PackError if it cannot."""
    from loa.speech.engines import fresh_engine
    from loa.speech.voices import VoiceUnavailableError

    try:
        engine = fresh_engine(voice)
        started = time.perf_counter()
        speech = engine.speak(TEST_SENTENCE)
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
