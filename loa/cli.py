"""The `loa` command: speech tools plus every Django management command."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from loa.cli_errors import CliError
from loa.cli_threads import all_cores, positive_int

SPEECH_COMMANDS = ("normalize", "speak", "voices")
COMMAND_ALIASES = {  # Django command modules cannot have a hyphen
    "reading-audit": "reading_audit", "check-compliance": "check_compliance", "record-axe": "record_axe",
}
FORMAT_BY_EXTENSION = {".mp3": "mp3", ".ogg": "ogg", ".opus": "ogg", ".oga": "ogg", ".wav": "wav"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SPEECH_COMMANDS:
        return run_speech_command(argv)
    return run_django_command(argv)


def run_django_command(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.site.settings")
    from django.core.management import execute_from_command_line

    from loa.core.datadir import prepare

    prepare()
    if argv and argv[0] in COMMAND_ALIASES:
        argv = [COMMAND_ALIASES[argv[0]], *argv[1:]]
    execute_from_command_line(["loa", *argv])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loa", description="Loa: đọc tin tức tiếng Việt thành tiếng nói.")
    sub = parser.add_subparsers(dest="command", required=True)

    norm = sub.add_parser("normalize", help="normalize Vietnamese text, one line in, one line out")
    norm.add_argument("--region", choices=("north", "central", "south"), default="north")

    speak = sub.add_parser("speak", help="read a text file aloud into an audio file")
    speak.add_argument("input", help="text file (UTF-8), or - for stdin")
    speak.add_argument("-o", "--output", required=True, help="audio file to write")
    speak.add_argument("--voice", default=None, help="voice id (see `loa voices`)")
    speak.add_argument("--speed", type=float, default=1.0, help="0.5 to 2.0")
    speak.add_argument("--format", choices=("mp3", "ogg", "wav"), default=None,
                       help="default: from the output file's extension, else mp3")
    speak.add_argument("--timings", default=None, help="write sentence and word timings as JSON here")
    speak.add_argument("--threads", type=positive_int, default=None,
                       help="cores a neural voice may use (default: all of them)")

    voices = sub.add_parser("voices", help="list, install, remove or test voices")
    voices.add_argument("--json", action="store_true", help="print the voices as a JSON list")
    actions = voices.add_subparsers(dest="action")
    install = actions.add_parser("install", help="install a neural voice pack")
    install.add_argument("source", help="a .onnx file (its .onnx.json beside it), an http(s):// URL, "
                                        "or a catalogued voice: " + ", ".join(_catalogue_names()))
    install.add_argument("--id", default=None, dest="voice_id",
                         help="the new voice's id, e.g. vi-north-female-vais (default: the catalogue's)")
    install.add_argument("--name", default=None, help="display name (default: the catalogue's)")
    install.add_argument("--region", choices=("north", "central", "south"), default=None)
    install.add_argument("--gender", choices=("female", "male"), default=None)
    install.add_argument("--sha256", default=None, help="expected sha256 of the model file")
    install.add_argument("--style", default=None, help="a Kokoro voice: its style vectors (.npy or raw float32 .bin)")
    install.add_argument("--config", default=None, help="the model's config if not beside it (MODEL.json; Kokoro: "
                                                        "config.json with its phoneme \"vocab\")")
    install.add_argument("--allow-restricted", action="store_true",
                         help="install a catalogued voice whose terms forbid public or commercial use, or are unknown")
    install.add_argument("--confirm", default=None, metavar="NAME",
                         help="with --allow-restricted: the voice's catalogue name, as the explicit confirmation")
    remove = actions.add_parser("remove", help="remove an installed voice pack")
    remove.add_argument("voice_id", metavar="ID")
    test = actions.add_parser("test", help="read a sample sentence into a file and print the real-time factor")
    test.add_argument("voice_id", metavar="ID")
    test.add_argument("-o", "--output", default=None, help="audio file (default: ID-test.wav here)")
    test.add_argument("--text", default=None, help="what to read (default: a sample sentence)")
    test.add_argument("--threads", type=positive_int, default=None,
                      help="cores a neural voice may use (default: all of them)")
    return parser


def _catalogue_names() -> list[str]:
    from loa.speech.packs import catalogue

    return list(catalogue())


def run_speech_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "normalize":
            return cmd_normalize(args)
        if args.command == "voices":
            return cmd_voices(args)
        return cmd_speak(args)
    except CliError as exc:
        print(f"loa: lỗi: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1


def cmd_normalize(args: argparse.Namespace) -> int:
    from loa.speech import normalize

    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", newline="\n", closefd=False)
    for line in stdin:
        line = line.rstrip("\n").rstrip("\r")
        spoken = normalize(line, region=args.region).text.replace("\n", " ")
        sys.stdout.write(spoken + "\n")
    sys.stdout.flush()
    return 0


def cmd_voices(args: argparse.Namespace) -> int:
    from loa import voices_cli

    if args.action == "install":
        return voices_cli.install(args)
    if args.action == "remove":
        return voices_cli.remove(args)
    if args.action == "test":
        return voices_cli.test(args)
    return voices_cli.show(as_json=args.json)


def read_input_text(source: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise CliError(f"không tìm thấy tệp: {source}") from None
    except IsADirectoryError:
        raise CliError(f"đây là thư mục, không phải tệp văn bản: {source}") from None
    except PermissionError:
        raise CliError(f"không có quyền đọc tệp: {source}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí {exc.start}): {source}") from None
    if not text.strip():
        raise CliError(f"văn bản trống, không có gì để đọc: {source}")
    return text


def cmd_speak(args: argparse.Namespace) -> int:
    from loa import voices_cli
    from loa.speech import SpeechOptions, SpeechVoice, SynthesisError, UnknownVoiceError, VoiceUnavailableError

    text = read_input_text(args.input)
    try:
        voice = SpeechVoice.load(args.voice, voices_cli.voices_folder(), threads=all_cores(args.threads))
    except (UnknownVoiceError, VoiceUnavailableError) as exc:
        raise CliError(str(exc)) from None
    if not 0.5 <= args.speed <= 2.0:
        raise CliError(f"tốc độ phải từ 0.5 đến 2.0, nhận được {args.speed}")
    fmt = args.format or FORMAT_BY_EXTENSION.get(Path(args.output).suffix.lower(), "mp3")
    try:
        voice.write(text, args.output, SpeechOptions(speed=args.speed, format=fmt), timings_path=args.timings)
    except OSError as exc:
        raise CliError(f"không ghi được tệp đầu ra {exc.filename or args.output}: {exc.strerror or exc}") from None
    except SynthesisError as exc:
        raise CliError(f"tổng hợp giọng nói thất bại: {exc}") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
