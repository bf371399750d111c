"""Installed voice packs: `<voices folder>/<id>/` with `manifest.json`, the model and its config.

    manifest.json      {"format": 1, "id", "name", "region", "gender", "engine": "piper" or "kokoro",
                        "model": "model.onnx", "config": "model.onnx.json", "sha256", "model_size",
                        "licence", "source", "installed_at", ...}
    model.onnx         the ONNX model (its sha256 is checked before it is loaded)
    model.onnx.json    Piper's config (sample rate, phoneme ids, eSpeak NG language), or
                       Kokoro's (its phoneme vocabulary: {"vocab": {"a": 43, ...}}, sample rate)
    style.npy          a Kokoro voice's style vectors (one 256-wide vector per input length);
                       its sha256 is the manifest's "style_sha256"

Folders whose names start with a dot are installs or downloads in progress. The
administrator's choices (default voice, voices the player offers) are kept beside
the packs in `preferences.json`, so they travel with them (backups, other servers).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loa.speech.files import write_files_atomically
from loa.speech.voices import BUILTIN_IDS, GENDERS, REGIONS, Gender, Region, Voice, VoiceUnavailableError

MANIFEST = "manifest.json"
PREFERENCES = "preferences.json"
MODEL_FILE = "model.onnx"
CONFIG_FILE = "model.onnx.json"
STYLE_FILE = "style.npy"
MANIFEST_FORMAT = 1
ENGINES = ("piper", "kokoro")
KOKORO_SAMPLE_RATE = 24000
VOICE_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PackError(ValueError):
    """A voice pack (or what would become one) is not right; the message says what, in one line."""


@dataclass(frozen=True)
class Preferences:
    default: str | None = None  # the site's default voice
    offered: tuple[str, ...] | None = None  # voices the player offers (None: every usable voice)


def check_voice_id(voice_id: str) -> str:
    if not VOICE_ID.match(voice_id):
        raise PackError(f"mã giọng {voice_id!r} không hợp lệ: chỉ chữ thường a-z, số và dấu gạch ngang, tối đa 64 ký tự")
    if voice_id in BUILTIN_IDS:
        raise PackError(f"mã giọng {voice_id!r} là của một giọng có sẵn; hãy chọn mã khác")
    return voice_id


def check_region(region: str) -> Region:
    for known in REGIONS:
        if region == known:
            return known
    raise PackError(f"vùng {region!r} không hợp lệ; chọn một trong: {', '.join(REGIONS)}")


def check_gender(gender: str) -> Gender:
    for known in GENDERS:
        if gender == known:
            return known
    raise PackError(f"giới tính {gender!r} không hợp lệ; chọn một trong: {', '.join(GENDERS)}")


def read_config(path: Path) -> dict[str, Any]:
    """A Piper voice config, checked for what synthesis needs."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"thiếu tệp cấu hình {path.name}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"tệp cấu hình {path.name} hỏng: {exc}") from None
    try:
        rate = int(config["audio"]["sample_rate"])
        symbols = int(config["num_symbols"])
        id_map = config["phoneme_id_map"]
        if not isinstance(config["espeak"]["voice"], str) or not isinstance(id_map, dict) or not 8000 <= rate <= 48000:
            raise ValueError
        if any(not isinstance(ids, list) or not all(isinstance(i, int) for i in ids) for ids in id_map.values()):
            raise ValueError
        if symbols <= 0:
            raise ValueError
    except (KeyError, TypeError, ValueError):
        raise PackError(f"tệp cấu hình {path.name} không phải cấu hình giọng Piper") from None
    return dict(config)


def read_kokoro_config(path: Path) -> dict[str, Any]:
    """A Kokoro config: its phoneme vocabulary (one character -> one token id) and sample rate."""
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"thiếu tệp cấu hình {path.name}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"tệp cấu hình {path.name} hỏng: {exc}") from None
    vocab = config.get("vocab") if isinstance(config, dict) else None
    rate = config.get("sample_rate", KOKORO_SAMPLE_RATE) if isinstance(config, dict) else None
    if (not isinstance(vocab, dict) or not vocab or not isinstance(rate, int) or not 8000 <= rate <= 48000
            or any(len(key) != 1 or not isinstance(value, int) or not 0 < value < 1024 for key, value in vocab.items())):
        raise PackError(f"tệp cấu hình {path.name} không phải cấu hình giọng Kokoro (cần bảng âm vị \"vocab\")")
    return {"vocab": dict(vocab), "sample_rate": rate}


def read_style(path: Path) -> Any:
    """A Kokoro voice's style vectors as a float32 (lengths, width) array: .npy, or raw float32 (.bin)."""
    import numpy as np

    try:
        if path.suffix == ".bin":
            style = np.fromfile(path, dtype="<f4").reshape(-1, 256)
        else:
            style = np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise PackError(f"thiếu tệp vectơ giọng {path.name}") from None
    except (OSError, ValueError) as exc:
        raise PackError(f"tệp vectơ giọng {path.name} hỏng: {exc}") from None
    if style.dtype.kind != "f" or style.ndim not in (2, 3) or style.shape[0] < 1 or style.shape[-1] < 1:
        raise PackError(f"tệp vectơ giọng {path.name} không đúng dạng (cần độ dài × 256), nhận {style.shape}")
    style = style.reshape(style.shape[0], -1).astype(np.float32)
    if not np.isfinite(style).all():
        raise PackError(f"tệp vectơ giọng {path.name} chứa giá trị không hợp lệ")
    return style


def read_pack_config(voice: Voice) -> dict[str, Any]:
    """The pack's config, checked for its engine."""
    if voice.engine == "kokoro":
        return read_kokoro_config(config_path(voice))
    return read_config(config_path(voice))


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"thiếu {MANIFEST}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"{MANIFEST} hỏng: {exc}") from None
    if not isinstance(manifest, dict):
        raise PackError(f"{MANIFEST} không phải một đối tượng JSON")
    return manifest


def voice_from_manifest(folder: Path, manifest: dict[str, Any], staged: bool = False) -> Voice:
    """The Voice a pack describes; `error` says what is wrong with its files, if anything."""
    def text(key: str, default: str = "") -> str:
        value = manifest.get(key, default)
        if not isinstance(value, str):
            raise PackError(f"{MANIFEST}: trường {key!r} phải là chuỗi")
        return value

    voice_id = text("id")
    if voice_id != folder.name and not staged:
        raise PackError(f"{MANIFEST}: mã {voice_id!r} khác tên thư mục {folder.name!r}")
    check_voice_id(voice_id)
    engine = text("engine")
    if engine not in ENGINES:
        raise PackError(f"{MANIFEST}: bộ máy {engine!r} không được hỗ trợ ({', '.join(ENGINES)})")
    sha256 = text("sha256").lower()
    if not SHA256.match(sha256):
        raise PackError(f"{MANIFEST}: thiếu sha256 của mô hình")
    model = text("model", MODEL_FILE)
    if Path(model).name != model:
        raise PackError(f"{MANIFEST}: tên tệp mô hình {model!r} không hợp lệ")
    terms = manifest.get("terms")
    pairs = tuple((k, v) for k, v in terms.items() if isinstance(v, str)) if isinstance(terms, dict) else ()
    voice = Voice(
        voice_id, text("name") or voice_id, check_region(text("region")), check_gender(text("gender")),
        engine, model, folder=str(folder), sha256=sha256, licence=text("licence"), source=text("source"), terms=pairs,
    )
    return _with_file_checks(voice, manifest)


def _with_file_checks(voice: Voice, manifest: dict[str, Any]) -> Voice:
    from dataclasses import replace

    folder = Path(voice.folder)
    model = folder / voice.engine_voice
    try:
        size = model.stat().st_size
    except FileNotFoundError:
        return replace(voice, error=f"thiếu tệp mô hình {voice.engine_voice}")
    except OSError as exc:
        return replace(voice, error=f"không đọc được tệp mô hình: {exc.strerror}")
    expected = manifest.get("model_size")
    if isinstance(expected, int) and size != expected:
        return replace(voice, error=f"tệp mô hình hỏng: {size:,} byte, lẽ ra {expected:,} byte")
    try:
        read_pack_config(voice)
        if voice.engine == "kokoro":
            _check_style(voice, manifest)
    except PackError as exc:
        return replace(voice, error=str(exc))
    return voice


def _check_style(voice: Voice, manifest: dict[str, Any]) -> None:
    path = style_path(voice)
    try:
        digest = file_sha256(path)
    except OSError:
        raise PackError(f"thiếu tệp vectơ giọng {path.name}") from None
    if digest != manifest.get("style_sha256"):
        raise PackError("tệp vectơ giọng đã bị thay đổi hoặc hỏng (sha256 không khớp); hãy cài lại giọng")
    read_style(path)


def broken_voice(folder: Path, reason: str) -> Voice:
    """A folder that is not a readable pack still shows, as unusable, so the admin sees why."""
    return Voice(folder.name, folder.name, "north", "female", "piper", MODEL_FILE, folder=str(folder), error=reason)


def model_path(voice: Voice) -> Path:
    return Path(voice.folder) / voice.engine_voice


def config_path(voice: Voice) -> Path:
    return Path(voice.folder) / f"{voice.engine_voice}.json"


def style_path(voice: Voice) -> Path:
    return Path(voice.folder) / STYLE_FILE


# -- the installed packs, read again only when their files change -----------------------------

_listing_lock = threading.Lock()
_listing: dict[str, tuple[tuple[Any, ...], list[Voice]]] = {}


def installed_voices(root: Path) -> list[Voice]:
    """The packs under `root`, sorted by id (cached until a pack's files change)."""
    try:
        folders = sorted((e for e in os.scandir(root) if e.is_dir() and not e.name.startswith(".")), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError:
        return []
    fingerprint = tuple((entry.name, *_stamps(Path(entry.path))) for entry in folders)
    key = str(root)
    with _listing_lock:
        cached = _listing.get(key)
        if cached is not None and cached[0] == fingerprint:
            return list(cached[1])
    voices = [_read_pack(Path(entry.path)) for entry in folders]
    with _listing_lock:
        _listing[key] = (fingerprint, voices)
    return list(voices)


def _stamps(folder: Path) -> tuple[Any, ...]:
    stamps: list[Any] = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name) if folder.is_dir() else []:
        try:
            stat = entry.stat()
        except OSError:
            continue
        stamps.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def _read_pack(folder: Path) -> Voice:
    try:
        return voice_from_manifest(folder, read_manifest(folder))
    except PackError as exc:
        return broken_voice(folder, str(exc))


# -- the model's checksum, computed once per file version per process --------------------------

_digests: dict[tuple[str, int, int], str] = {}
_digest_lock = threading.Lock()


def file_sha256(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _digest_lock:
        if key in _digests:
            return _digests[key]
    with open(path, "rb") as handle:
        value = hashlib.file_digest(handle, "sha256").hexdigest()
    with _digest_lock:
        _digests[key] = value
    return value


def verified_model(voice: Voice) -> Path:
    """The pack's model file, after checking it is the one installed (sha256); else VoiceUnavailableError."""
    if voice.error:
        raise VoiceUnavailableError(voice, voice.error)
    path = model_path(voice)
    try:
        digest = file_sha256(path)
    except OSError as exc:
        raise VoiceUnavailableError(voice, f"không đọc được tệp mô hình: {exc.strerror or exc}") from None
    if digest != voice.sha256:
        raise VoiceUnavailableError(voice, "tệp mô hình đã bị thay đổi hoặc hỏng (sha256 không khớp); hãy cài lại giọng")
    return path


def pack_problem(voice: Voice) -> str:
    """Why this voice cannot speak now ("" if it can): missing, changed or corrupt pack files."""
    if voice.builtin:
        return ""
    try:
        verified_model(voice)
    except VoiceUnavailableError as exc:
        return exc.reason
    return ""


# -- the administrator's choices ------------------------------------------------------------------

def read_preferences(root: Path) -> Preferences:
    try:
        data = json.loads((root / PREFERENCES).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    default = data.get("default") if isinstance(data.get("default"), str) else None
    offered = data.get("offered")
    if isinstance(offered, list) and all(isinstance(item, str) for item in offered):
        return Preferences(default, tuple(offered))
    return Preferences(default, None)


def write_preferences(root: Path, preferences: Preferences) -> None:
    root.mkdir(parents=True, exist_ok=True)
    data = {"default": preferences.default,
            "offered": list(preferences.offered) if preferences.offered is not None else None}
    write_files_atomically([(root / PREFERENCES, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))])
