"""`loa voices`: list the voices, install and remove voice packs, test a voice.

Errors are raised as CliError (one line on stderr, exit 1); nothing here needs Django.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from loa.cli_errors import CliError
from loa.cli_threads import all_cores
from loa.core.datadir import data_dir
from loa.speech import SpeechOptions, SpeechVoice, SynthesisError, UnknownVoiceError, VoiceUnavailableError
from loa.speech.packs import (
    CatalogueVoice,
    PackError,
    catalogue,
    default_voice_id,
    get_voice,
    install_voice,
    list_voices,
    remove_voice,
)

SAMPLE = ("Hội đồng nhân dân tỉnh khai mạc kỳ họp thứ 25 sáng nay. "
          "Các đại biểu thảo luận 18 nghị quyết quan trọng về kinh tế và xã hội.")
ENGINE_LABELS = {"espeak-ng": "eSpeak NG", "piper": "Piper (nơ-ron)", "kokoro": "Kokoro (nơ-ron)"}
TERM_LABELS = {"weights_licence": "giấy phép trọng số", "data_origin": "dữ liệu huấn luyện",
               "data_terms": "điều khoản dữ liệu", "consent": "người đọc đồng ý", "restricted": "hạn chế"}


def voices_folder() -> Path:
    """The portal's voices folder: $LOA_DATA_DIR/voices (the portal's READALOUD_VOICES_DIR when set)."""
    return Path(os.environ.get("READALOUD_VOICES_DIR") or data_dir() / "voices")


def voice_rows() -> list[dict[str, object]]:
    folder = voices_folder()
    default = default_voice_id(folder)
    return [
        {
            "id": voice.id, "name": voice.name, "region": voice.region, "gender": voice.gender,
            "engine": voice.engine, "default": voice.id == default, "builtin": voice.builtin,
            "available": voice.available, "error": voice.error or None,
            "licence": voice.licence or None, "source": voice.source or None, "sha256": voice.sha256 or None,
            "installed": True, "terms": dict(voice.terms) or None, "restricted": bool(voice.restricted),
        }
        for voice in list_voices(folder)
    ]


def catalogue_rows() -> list[dict[str, object]]:
    """The catalogued voices not installed yet, with what is known of their terms."""
    installed = {voice.source.split()[0] for voice in list_voices(voices_folder()) if voice.source}
    return [
        {
            "id": entry.voice_id, "catalogue": entry.key, "name": entry.name, "region": entry.region,
            "gender": entry.gender, "engine": entry.engine, "default": False, "builtin": False,
            "available": False, "installed": False, "licence": entry.licence, "size": entry.size,
            "terms": entry.terms.as_dict(), "restricted": entry.restricted, "note": entry.note,
        }
        for entry in catalogue().values() if f"catalogue:{entry.key}" not in installed
    ]


def show(as_json: bool) -> int:
    rows = voice_rows()
    offered = catalogue_rows()
    if as_json:
        print(json.dumps(rows + offered, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        notes = []
        if row["default"]:
            notes.append("mặc định")
        if not row["available"]:
            notes.append(f"không dùng được: {row['error']}")
        if row["restricted"]:
            notes.append("hạn chế")
        mark = f" ({'; '.join(notes)})" if notes else ""
        print(f"{row['id']}\t{row['name']}\t{row['region']}/{row['gender']}\t{ENGINE_LABELS.get(str(row['engine']), row['engine'])}{mark}")
    if offered:
        print("\nChưa cài, trong danh mục (loa voices install TÊN):")
    for row in offered:
        mark = " [HẠN CHẾ: cần --allow-restricted]" if row["restricted"] else ""
        print(f"{row['catalogue']}\t{row['name']}\t{ENGINE_LABELS.get(str(row['engine']), row['engine'])}{mark}")
        for key, value in dict(row["terms"]).items():  # type: ignore[call-overload]
            if value:
                print(f"    {TERM_LABELS[key]}: {value}")
    return 0


def confirm_restricted(entry: CatalogueVoice, confirmation: str | None) -> None:
    """A restricted voice is installed only when its name is typed (or given as --confirm) after its terms."""
    if confirmation is None and sys.stdin.isatty():
        sys.stderr.write(f"Giọng {entry.key} bị hạn chế: {entry.terms.restricted}\n")
        for key, value in entry.terms.as_dict().items():
            if key != "restricted":
                sys.stderr.write(f"    {TERM_LABELS[key]}: {value}\n")
        sys.stderr.write(f"Gõ tên giọng ({entry.key}) để xác nhận đã cân nhắc các điều khoản trên: ")
        sys.stderr.flush()
        confirmation = sys.stdin.readline().strip()
    if confirmation != entry.key:
        raise CliError(f"chưa xác nhận: cài giọng hạn chế cần --confirm {entry.key} (hoặc gõ tên giọng khi được hỏi)")


class ProgressBar:
    """A download bar on a terminal's stderr (nothing when stderr is not a terminal)."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if not self.shown or (now - self.last < 0.1 and done != total):
            return
        self.last = now
        if total:
            filled = int(30 * done / total)
            line = f"\r[{'#' * filled}{'.' * (30 - filled)}] {done / 1e6:6.1f}/{total / 1e6:.1f} MB"
        else:
            line = f"\r{done / 1e6:6.1f} MB"
        sys.stderr.write(line)
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown and self.last:
            sys.stderr.write("\n")
            sys.stderr.flush()


def install(args: argparse.Namespace) -> int:
    entry = catalogue().get(args.source)
    if entry is not None and entry.restricted:
        if not args.allow_restricted:
            raise CliError(f"không cài được giọng: {args.source} bị hạn chế ({entry.terms.restricted}); "
                           f"xem điều khoản bằng `loa voices`, rồi cài bằng --allow-restricted nếu đã cân nhắc")
        confirm_restricted(entry, args.confirm)
    bar = ProgressBar()
    try:
        voice = install_voice(args.source, args.voice_id, name=args.name, region=args.region, gender=args.gender,
                              sha256=args.sha256, folder=voices_folder(), style=args.style, config=args.config,
                              allow_restricted=args.allow_restricted, progress=bar)
    except PackError as exc:
        bar.close()
        raise CliError(f"không cài được giọng: {exc}") from None
    except OSError as exc:
        bar.close()
        raise CliError(f"không cài được giọng: {exc.strerror or exc} ({exc.filename or ''})") from None
    bar.close()
    print(f"Đã cài giọng {voice.id} – {voice.name} ({voice.region}/{voice.gender}) vào {voice.folder}")
    if voice.restricted:
        print(f"Lưu ý: giọng này bị hạn chế ({voice.restricted}); trang quản trị và trình phát đánh dấu nó.")
    return 0


def remove(args: argparse.Namespace) -> int:
    try:
        voice = get_voice(args.voice_id, voices_folder())
    except UnknownVoiceError as exc:
        raise CliError(str(exc)) from None
    if voice.builtin:
        raise CliError(f"{voice.id} là giọng có sẵn (eSpeak NG), không gỡ được")
    try:
        remove_voice(voice.id, folder=voices_folder())
    except (PackError, OSError) as exc:
        raise CliError(f"không gỡ được giọng {voice.id}: {exc}") from None
    print(f"Đã gỡ giọng {voice.id}")
    return 0


def test(args: argparse.Namespace) -> int:
    try:
        voice = get_voice(args.voice_id, voices_folder())
    except UnknownVoiceError as exc:
        raise CliError(str(exc)) from None
    output = Path(args.output or f"{voice.id}-test.wav")
    fmt = {".mp3": "mp3", ".ogg": "ogg", ".opus": "ogg"}.get(output.suffix.lower(), "wav")
    try:
        started = time.perf_counter()
        speaker = SpeechVoice.load(voice, threads=all_cores(args.threads))
        loaded = time.perf_counter()
        track = speaker.write(args.text or SAMPLE, output, SpeechOptions(format=fmt))
        spoken = time.perf_counter()
    except VoiceUnavailableError as exc:
        raise CliError(str(exc)) from None
    except SynthesisError as exc:
        raise CliError(f"tổng hợp giọng nói thất bại: {exc}") from None
    except OSError as exc:
        raise CliError(f"không ghi được tệp {exc.filename or output}: {exc.strerror or exc}") from None
    rtf = (spoken - loaded) / track.duration if track.duration else float("inf")
    print(f"{voice.id}: đã ghi {output} ({track.duration:.2f} s âm thanh); tải giọng {loaded - started:.2f} s, "
          f"đọc {spoken - loaded:.2f} s; hệ số thời gian thực (RTF) {rtf:.3f}; {all_cores(args.threads)} luồng")
    return 0
