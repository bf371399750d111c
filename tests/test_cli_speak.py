"""`loa speak` and `loa voices`, run as a user would: the real command in a child process."""
import json
import os
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest

VOICE_IDS = [
    "vi-north-female", "vi-north-male", "vi-central-female",
    "vi-central-male", "vi-south-female", "vi-south-male",
]


# No voice packs a developer installed in ./data/voices: an empty data folder of its own.
DATA_DIR = Path(os.environ.get("LOA_TEST_DIR", "/tmp")) / f"cli-speak-data-{os.getpid()}"


def loa(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loa.cli", *args], input=stdin, capture_output=True, timeout=120,
        env={**os.environ, "LOA_DATA_DIR": str(DATA_DIR)},
    )


def decode(path: Path) -> tuple[np.ndarray, int, str]:
    with av.open(str(path)) as container:
        kind = container.format.name  # mp3, ogg, wav
        frames = list(container.decode(audio=0))
    samples = np.concatenate([frame.to_ndarray().reshape(-1).astype(np.float64) for frame in frames])
    if frames[0].format.name.startswith("s16"):
        samples /= 32768
    return samples, frames[0].sample_rate, kind


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples**2)))


@pytest.fixture(scope="module")
def excerpt(tmp_path_factory, seed_text) -> Path:
    """The first few paragraphs of the seed article, for the slower checks."""
    path = tmp_path_factory.mktemp("input") / "excerpt.txt"
    path.write_text(seed_text[:1500], encoding="utf-8")
    return path


@pytest.fixture
def unwritable_dir(tmp_path) -> Path:
    if os.geteuid() == 0:
        return Path("/sys")  # sysfs refuses new files even to root
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    return locked


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    assert result.returncode != 0
    message = result.stderr.decode("utf-8")
    assert message.count("\n") == 1 and message.startswith("loa: "), message
    for needle in needles:
        assert needle in message
    return message


def test_speak_seed_article_to_mp3(tmp_path, seed_path):
    output, timings = tmp_path / "seed.mp3", tmp_path / "seed.json"
    result = loa("speak", str(seed_path), "-o", str(output), "--timings", str(timings))
    assert result.returncode == 0, result.stderr.decode()
    samples, rate, container = decode(output)
    data = json.loads(timings.read_text(encoding="utf-8"))
    assert container == "mp3" and data["format"] == "mp3" and data["voice"] == "vi-south-male"
    assert len(data["sentences"]) > 50
    assert abs(len(samples) / rate - data["sentences"][-1]["end"]) < 0.1
    assert abs(len(samples) / rate - data["duration"]) < 0.1
    assert rms(samples) > 0.03
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.json", "seed.mp3"]


@pytest.mark.parametrize("fmt", ["ogg", "wav", "mp3"])
def test_speak_each_format(tmp_path, excerpt, fmt):
    output, timings = tmp_path / "out.audio", tmp_path / "out.json"
    result = loa("speak", str(excerpt), "-o", str(output), "--format", fmt, "--timings", str(timings),
                 "--voice", "vi-north-female", "--speed", "1.5")
    assert result.returncode == 0, result.stderr.decode()
    samples, rate, found = decode(output)
    data = json.loads(timings.read_text(encoding="utf-8"))
    assert found == fmt and data["format"] == fmt and data["speed"] == 1.5
    if fmt == "ogg":
        assert b"OpusHead" in output.read_bytes()[:200]
    assert abs(len(samples) / rate - data["duration"]) < 0.1
    assert rms(samples) > 0.03


def test_format_follows_the_output_extension(tmp_path):
    output = tmp_path / "tin.wav"
    assert loa("speak", "-", "-o", str(output), stdin="Xin chào.".encode()).returncode == 0
    assert output.read_bytes()[:4] == b"RIFF"


def test_dash_reads_stdin(tmp_path):
    output, timings = tmp_path / "tin.mp3", tmp_path / "tin.json"
    text = "Bản tin sáng. Trời hôm nay nắng đẹp."
    result = loa("speak", "-", "-o", str(output), "--timings", str(timings), stdin=text.encode())
    assert result.returncode == 0, result.stderr.decode()
    sentences = json.loads(timings.read_text(encoding="utf-8"))["sentences"]
    assert [s["text"] for s in sentences] == ["Bản tin sáng.", "Trời hôm nay nắng đẹp."]
    assert rms(decode(output)[0]) > 0.03


def test_unknown_voice_lists_the_valid_ones(tmp_path):
    output = tmp_path / "tin.mp3"
    result = loa("speak", "-", "-o", str(output), "--voice", "vi-hue-male", stdin=b"Xin chao.")
    assert_one_line_error(result, "vi-hue-male", *VOICE_IDS)
    assert not output.exists()


def test_missing_input_file(tmp_path):
    assert_one_line_error(loa("speak", str(tmp_path / "none.txt"), "-o", str(tmp_path / "o.mp3")), "none.txt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_input(tmp_path, content):
    source = tmp_path / "empty.txt"
    source.write_bytes(content)
    assert_one_line_error(loa("speak", str(source), "-o", str(tmp_path / "o.mp3")))
    assert [p.name for p in tmp_path.iterdir()] == ["empty.txt"]


def test_undecodable_input(tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes(b"\xff\xfe\xfa")
    assert_one_line_error(loa("speak", str(source), "-o", str(tmp_path / "o.mp3")), "UTF-8")
    assert [p.name for p in tmp_path.iterdir()] == ["bad.txt"]


def test_output_directory_missing(tmp_path):
    output = tmp_path / "missing" / "tin.mp3"
    result = loa("speak", "-", "-o", str(output), "--timings", str(tmp_path / "t.json"), stdin="Xin chào.".encode())
    assert_one_line_error(result, str(output))
    assert list(tmp_path.iterdir()) == []


def test_output_directory_unwritable(tmp_path, unwritable_dir):
    before = set(unwritable_dir.iterdir())
    result = loa("speak", "-", "-o", str(unwritable_dir / "tin.mp3"), stdin="Xin chào.".encode())
    assert_one_line_error(result, "tin.mp3")
    assert set(unwritable_dir.iterdir()) == before


def test_speed_out_of_range(tmp_path):
    assert_one_line_error(loa("speak", "-", "-o", str(tmp_path / "o.mp3"), "--speed", "3", stdin=b"Xin chao."))


def test_voices_lists_six_with_the_default_marked():
    result = loa("voices")
    assert result.returncode == 0
    listing, _, catalogue = result.stdout.decode("utf-8").partition("\n\n")  # then the catalogue, not installed
    lines = listing.splitlines()
    assert [line.split("\t")[0] for line in lines] == VOICE_IDS
    assert catalogue.startswith("Chưa cài, trong danh mục")
    marked = [line for line in lines if "(mặc định)" in line]
    assert marked == ["vi-south-male\tGiọng nam miền Nam\tsouth/male\teSpeak NG (mặc định)"]
    assert "vi-north-female\tGiọng nữ miền Bắc\tnorth/female\teSpeak NG" in lines
