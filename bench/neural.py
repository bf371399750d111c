"""`bench/speech.py --voice ID`: one voice through Loa's whole path, side by side with raw piper-tts.

Each side runs in a child process of its own (peak RSS is per process) on the same
normalized text with the same number of ONNX Runtime threads.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compare(args) -> None:
    if args.side:
        result = {"loa": loa_side, "raw": raw_side, "rss": rss_side}[args.side](args)
        print(json.dumps(result))
        return
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    voice = get_voice(args.voice, voices_folder())
    text = _text(args)
    folded = " (Vietnamese without diacritics: an English model)" if _english_model(args.voice) else ""
    print(f"voice {voice.id} ({voice.engine}), {len(text):,} characters{folded}, {args.threads} ONNX thread(s)")
    sides = ["loa", "raw"] if voice.engine == "piper" else ["loa"]
    results = {side: _child(args, side) for side in sides}
    header = ("", "load s", "first audio ms", "wall s", "audio s", "RTF", "peak RSS MB")
    print("  ".join(f"{h:>15}" for h in header))
    for side, r in results.items():
        label = "Loa (loa speak)" if side == "loa" else "raw piper-tts"
        row = (label, f"{r['load']:.2f}", f"{r['first'] * 1000:.0f}", f"{r['wall']:.2f}", f"{r['audio']:.1f}",
               f"{r['wall'] / r['audio']:.3f}", f"{r['rss_kib'] / 1024:.0f}")
        print("  ".join(f"{cell:>15}" for cell in row))
    if "raw" in results:
        ratio = results["loa"]["wall"] / results["raw"]["wall"]
        print(f"Loa / raw piper-tts wall time: {ratio:.2f}x (target <= 1.25x); "
              f"first sentence {results['loa']['first'] * 1000:.0f} ms after loading (target <= 400 ms)")
    if args.rss:
        r = _child(args, "rss")
        print(f"RSS over {args.rss:,} syntheses: {r['after_warmup'] / 1024:.0f} MB after 100, "
              f"{r['end'] / 1024:.0f} MB at the end (+{(r['end'] - r['after_warmup']) / 1024:.1f} MB); "
              f"{r['seconds']:.0f} s")


def _text(args) -> str:
    text = args.text_file.read_text(encoding="utf-8")
    text = text[:args.chars] if args.chars else text
    return fold(text) if _english_model(args.voice) else text


def _english_model(voice_id: str) -> bool:
    """The test model (joe) is English: it would spell out every Vietnamese letter with a diacritic."""
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    voice = get_voice(voice_id, voices_folder())
    if voice.engine != "piper":
        return False
    config = json.loads((Path(voice.folder) / f"{voice.engine_voice}.json").read_text(encoding="utf-8"))
    return str((config.get("language") or {}).get("code", "")).startswith("en")


def fold(text: str) -> str:
    """Vietnamese without diacritics ("Hội đồng" -> "Hoi dong"): words an English model reads at a normal pace."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _child(args, side: str) -> dict:
    command = [sys.executable, str(ROOT / "bench" / "speech.py"), "--voice", args.voice, "--side", side,
               "--chars", str(args.chars), "--threads", str(args.threads), "--rss", str(args.rss), str(args.text_file)]
    env = {**os.environ, "LOA_TTS_THREADS": str(args.threads)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{side} side failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def loa_side(args) -> dict:
    from loa.speech import SpeechOptions, SpeechVoice
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    text = _text(args)
    started = time.perf_counter()
    speaker = SpeechVoice.load(get_voice(args.voice, voices_folder()))
    load = time.perf_counter() - started
    begun = time.perf_counter()
    stream = speaker.stream(text, SpeechOptions(format="mp3"))
    next(stream)
    first = time.perf_counter() - begun
    stream.close()
    with tempfile.TemporaryDirectory() as folder:
        begun = time.perf_counter()
        track = speaker.write(text, Path(folder) / "out.mp3", SpeechOptions(format="mp3"),
                              timings_path=Path(folder) / "out.json")
        wall = time.perf_counter() - begun
    return {"load": load, "first": first, "wall": wall, "audio": track.duration, "rss_kib": _peak_rss_kib()}


def raw_side(args) -> dict:
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    from loa.speech import normalize
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    voice = get_voice(args.voice, voices_folder())
    spoken = normalize(_text(args), region=voice.region).text  # the same words Loa reads
    model = Path(voice.folder) / voice.engine_voice
    started = time.perf_counter()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = args.threads
    session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
    config = PiperConfig.from_dict(json.loads(Path(f"{model}.json").read_text(encoding="utf-8")))
    piper = PiperVoice(session=session, config=config)
    load = time.perf_counter() - started
    begun = time.perf_counter()
    next(iter(piper.synthesize(spoken)))
    first = time.perf_counter() - begun
    with tempfile.TemporaryDirectory() as folder:
        begun = time.perf_counter()
        with wave.open(str(Path(folder) / "out.wav"), "wb") as out:
            piper.synthesize_wav(spoken, out)
        wall = time.perf_counter() - begun
        with wave.open(str(Path(folder) / "out.wav"), "rb") as written:
            audio = written.getnframes() / written.getframerate()
    return {"load": load, "first": first, "wall": wall, "audio": audio, "rss_kib": _peak_rss_kib()}


def rss_side(args) -> dict:
    from loa.speech import SpeechVoice
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    voice = get_voice(args.voice, voices_folder())
    engine = SpeechVoice.load(voice).engine
    words = ["tin", "so", "hai", "ngan", "sach", "ky", "hop", "dai", "bieu", "nghi", "quyet", "tinh"]

    def rss() -> int:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))

    started = time.perf_counter()
    after_warmup = 0
    for i in range(args.rss):
        text = " ".join(words[(i + k) % len(words)] for k in range(1 + i % 8)) + "."
        engine.speak(text)
        if i == 99:
            after_warmup = rss()
    return {"after_warmup": after_warmup, "end": rss(), "seconds": time.perf_counter() - started}
