"""Speech pipeline benchmark: the seed article to MP3, Ogg Opus and WAV.

    .venv/bin/python bench/speech.py [--repeat N] [TEXT_FILE]
    .venv/bin/python bench/speech.py --voice ID [--chars N] [--threads N] [--rss N] [TEXT_FILE]

With --voice (any voice, e.g. an installed Piper or Kokoro pack): load time, real-time
factor, time to the first sentence's audio, whole-text wall time and peak RSS of Loa's
`loa speak` path (normalize, segment, synthesize, word timings, MP3), and the same for
the raw runtime on the same normalized text (piper-tts's PiperVoice.synthesize_wav; an
ONNX Runtime session of the Kokoro model fed vig2p's phonemes), each in a process of
its own, on every core unless --threads; --rss N also measures RSS over N short syntheses.

Per format: normalization, synthesis and encoding each timed alone (one
thread), then `speak()` end to end (synthesis and encoding overlapped), the
audio duration, the real-time factor (wall / audio) and the time until
`iter_speech()` hands over the first sentence's audio. Each figure is the best
of N runs (other work on the machine only ever adds time), with the engine
warm as in a running portal; "cpu s" is the process CPU time of that best run.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from loa.speech import SpeechOptions, SpeechVoice
from loa.speech.encoders import FORMATS, get_encoder
from loa.speech.segment import split_sentences
from loa.speech.track import sentence_speech, spoken_sentences

SEED = Path(__file__).resolve().parents[1] / "loa" / "pages" / "demo" / "seed-article.txt"
T = TypeVar("T")


def timed(action: Callable[[], T], repeat: int) -> tuple[float, float, T]:
    """Best wall time of `repeat` runs, that run's CPU time, and the last run's result."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        cpu_before, started = _cpu_seconds(), time.perf_counter()
        result = action()
        best = min(best, (time.perf_counter() - started, _cpu_seconds() - cpu_before))
    return best[0], best[1], result


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def first_audio_seconds(text: str, fmt: str) -> float:
    started = time.perf_counter()
    pieces = SpeechVoice.load().stream(text, SpeechOptions(format=fmt))
    next(pieces)
    waited = time.perf_counter() - started
    pieces.close()
    return waited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text_file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--voice", help="measure this voice (an installed Piper or Kokoro pack) against its raw "
                                        "runtime (piper-tts; an ONNX Runtime session of the Kokoro model)")
    parser.add_argument("--chars", type=int, default=3000, help="with --voice: read the first N characters (0: all)")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)),
                        help="with --voice: ONNX Runtime threads for both sides (default: every core, as loa speak)")
    parser.add_argument("--rss", type=int, default=0, help="with --voice: also RSS over N short syntheses")
    parser.add_argument("--side", choices=("loa", "raw", "rss"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.voice:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from bench.neural import compare

        compare(args)
        return
    text = args.text_file.read_text(encoding="utf-8")
    started = time.perf_counter()
    speaker = SpeechVoice.load()
    voice, engine = speaker.voice, speaker.engine
    speaker.speak("Xin chào.")
    cold = time.perf_counter() - started

    normalize_s, _, items = timed(lambda: list(spoken_sentences(text, voice.region)), args.repeat)
    synth_s, _, pcms = timed(
        lambda: [sentence_speech(item.spoken, item.pause, 1.0, engine).pcm for item in items], args.repeat
    )
    print(f"{args.text_file.name}: {len(text):,} characters, {len(items)} sentences; voice {voice.id}, "
          f"engine {engine.name} {engine.version}; cold start {cold * 1000:.0f} ms")
    print(f"normalize {normalize_s:.3f} s, synthesize {synth_s:.3f} s (alone, per run)")
    header = ("format", "normalize s", "synthesize s", "encode s", "total wall s", "cpu s", "audio s", "RTF",
              "first audio ms", "size")
    print("  ".join(f"{h:>12}" for h in header))
    for fmt in FORMATS:
        encoder = get_encoder(fmt, engine.sample_rate)
        encode_s, _, _ = timed(lambda encoder=encoder: encoder.join([encoder.encode(pcm).data for pcm in pcms]), args.repeat)
        wall_s, cpu_s, track = timed(lambda fmt=fmt: speaker.speak(text, SpeechOptions(format=fmt)), args.repeat)
        first_s = min(first_audio_seconds(text, fmt) for _ in range(max(args.repeat, 5)))
        row = (
            fmt, f"{normalize_s:.3f}", f"{synth_s:.3f}", f"{encode_s:.3f}", f"{wall_s:.3f}", f"{cpu_s:.3f}",
            f"{track.duration:.1f}", f"{wall_s / track.duration:.5f}", f"{first_s * 1000:.1f}",
            f"{len(track.audio) / 1e6:.2f} MB",
        )
        print("  ".join(f"{cell:>12}" for cell in row))

    longest = max(split_sentences(text), key=lambda sentence: len(sentence.text)).text
    worst = {fmt: min(first_audio_seconds(f"{longest}\n\n{text}", fmt) for _ in range(5)) for fmt in FORMATS}
    print(f"first audio when the longest sentence ({len(longest)} characters) comes first: "
          + ", ".join(f"{fmt} {seconds * 1000:.1f} ms" for fmt, seconds in worst.items()))


if __name__ == "__main__":
    main()
