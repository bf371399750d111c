"""Voice packs as data: install (file, URL with resume, catalogue), list, verify, remove, preferences."""
import hashlib
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from loa.speech import SpeechVoice, UnknownVoiceError, VoiceUnavailableError
from loa.speech.packs import (
    DEFAULT_VOICE_ID,
    PackError,
    Preferences,
    catalogue,
    default_voice_id,
    get_voice,
    install_voice,
    list_voices,
    offered_voices,
    remove_voice,
    write_preferences,
)
from loa.speech.packs.store import MANIFEST, file_sha256


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Anything an install left behind besides finished packs and resumable downloads."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name != ".downloads" and not (p / MANIFEST).exists())


def test_installed_pack_is_listed_with_its_manifest(joe, piper_folder, joe_model):
    voices = {voice.id: voice for voice in list_voices(piper_folder)}
    assert list(voices)[:6] == [v.id for v in list_voices(piper_folder) if v.builtin]
    voice = voices["joe-south-male"]
    assert (voice.name, voice.region, voice.gender, voice.engine) == ("Joe", "south", "male", "piper")
    assert voice.available and not voice.builtin and voice.neural
    manifest = json.loads((Path(voice.folder) / MANIFEST).read_text())
    assert manifest["sha256"] == sha256_of(Path(voice.folder) / "model.onnx") == voice.sha256
    assert manifest["source_sha256"] == sha256_of(joe_model)  # verified copy of the original
    assert manifest["source"] == str(joe_model)
    assert "CC0" in manifest["licence"]  # from the MODEL_CARD beside the model
    assert get_voice("joe-south-male", piper_folder) == voice
    assert default_voice_id(piper_folder) == DEFAULT_VOICE_ID


def test_installed_model_reports_phoneme_durations(joe):
    engine = SpeechVoice.load(joe).engine
    assert engine.aligned is True  # patched on install: word timings are measured


def test_reinstalling_an_id_is_refused_and_keeps_the_pack(joe, joe_model, piper_folder):
    with pytest.raises(PackError, match="đã có giọng"):
        install_voice(str(joe_model), joe.id, name="Khác", region="north", gender="female", folder=piper_folder)
    assert get_voice(joe.id, piper_folder).name == "Joe"


@pytest.mark.parametrize("voice_id", ["vi-south-male", "Joe", "joe_1", "-joe", "a" * 70, "joe/../x", ""])
def test_bad_ids_are_refused(voice_id, joe_model, tmp_path):
    with pytest.raises(PackError):
        install_voice(str(joe_model), voice_id, name="X", region="north", gender="male", folder=tmp_path)
    assert leftovers(tmp_path) == []


def test_wrong_sha256_leaves_nothing_installed(joe_model, tmp_path):
    with pytest.raises(PackError, match="sha256") as caught:
        install_voice(str(joe_model), "joe", name="Joe", region="south", gender="male", sha256="0" * 64,
                      folder=tmp_path)
    assert "\n" not in str(caught.value)
    assert leftovers(tmp_path) == [] and list_voices(tmp_path)[-1].builtin


def test_missing_config_is_a_clear_error(joe_model, tmp_path):
    lonely = tmp_path / "source" / "voice.onnx"
    lonely.parent.mkdir()
    lonely.symlink_to(joe_model)
    with pytest.raises(PackError, match="voice.onnx.json"):
        install_voice(str(lonely), "joe", name="Joe", region="south", gender="male", folder=tmp_path / "voices")
    assert leftovers(tmp_path / "voices") == []


def test_a_model_that_does_not_load_is_refused(joe_model, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "broken.onnx").write_bytes(b"\x08\x07" + b"not a model" * 1000)
    shutil.copy(f"{joe_model}.json", source / "broken.onnx.json")
    with pytest.raises(PackError, match="ONNX"):
        install_voice(str(source / "broken.onnx"), "broken", name="X", region="south", gender="male",
                      folder=tmp_path / "voices")
    assert leftovers(tmp_path / "voices") == []


def test_a_config_that_is_not_piper_is_refused(joe_model, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "m.onnx").symlink_to(joe_model)
    (source / "m.onnx.json").write_text('{"audio": {}}')
    with pytest.raises(PackError, match="cấu hình"):
        install_voice(str(source / "m.onnx"), "m", name="X", region="south", gender="male", folder=tmp_path / "v")
    assert leftovers(tmp_path / "v") == []


def test_missing_name_region_or_gender_is_asked_for(joe_model, tmp_path):
    with pytest.raises(PackError, match="--gender"):
        install_voice(str(joe_model), "joe", name="Joe", region="south", folder=tmp_path)
    with pytest.raises(PackError, match="--region"):
        install_voice(str(joe_model), "joe", name="Joe", gender="male", folder=tmp_path)


def test_unknown_source_lists_the_catalogue(tmp_path):
    with pytest.raises(PackError) as caught:
        install_voice(str(tmp_path / "nothing.onnx"), "x", name="X", region="south", gender="male", folder=tmp_path)
    assert all(name in str(caught.value) for name in catalogue())


def test_catalogue_names_the_three_vietnamese_piper_voices():
    known = catalogue()
    assert set(known) == {"vi_VN-vais1000-medium", "vi_VN-25hours_single-low", "vi_VN-vivos-x_low"}
    for entry in known.values():
        assert len(entry.sha256) == 64 and entry.model_url.startswith("https://") and entry.licence
        assert entry.config_url == entry.model_url + ".json" and entry.size > 10_000_000


def test_ftp_and_other_schemes_are_refused(tmp_path):
    with pytest.raises(PackError, match="http"):
        install_voice("ftp://example.invalid/m.onnx", "x", name="X", region="south", gender="male", folder=tmp_path)


class FileServer:
    """A loopback HTTP server for two files with Range support; can cut the first response short."""

    def __init__(self, files: dict[str, bytes], cut_first_at: int | None = None) -> None:
        self.files, self.cut_first_at, self.requests = files, cut_first_at, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                data = outer.files.get(self.path)
                outer.requests.append((self.path, self.headers.get("Range")))
                if data is None:
                    self.send_error(404)
                    return
                start = 0
                if self.headers.get("Range"):
                    start = int(self.headers["Range"].split("=")[1].split("-")[0])
                    if start >= len(data):
                        self.send_response(416)
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                body = data[start:]
                if outer.cut_first_at is not None and self.path.endswith(".onnx"):
                    body, outer.cut_first_at = body[:outer.cut_first_at], None
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_install_from_a_url_resumes_after_a_cut_and_verifies(joe_model, tmp_path):
    model = joe_model.read_bytes()
    files = {"/v/joe.onnx": model, "/v/joe.onnx.json": Path(f"{joe_model}.json").read_bytes()}
    folder = tmp_path / "voices"
    server = FileServer(files, cut_first_at=len(model) // 3)
    with server as base:
        with pytest.raises(PackError, match="chạy lại"):
            install_voice(f"{base}/v/joe.onnx", "joe-url", name="Joe", region="north", gender="male",
                          sha256=sha256_of(joe_model), folder=folder)
        assert leftovers(folder) == []
        progress = []
        voice = install_voice(f"{base}/v/joe.onnx", "joe-url", name="Joe", region="north", gender="male",
                              sha256=sha256_of(joe_model), folder=folder, progress=lambda d, t: progress.append((d, t)))
    model_requests = [r for path, r in server.requests if path == "/v/joe.onnx"]
    assert model_requests == [None, f"bytes={len(model) // 3}-"]
    assert voice.available and voice.source == f"{base}/v/joe.onnx"
    assert progress[-1] == (len(model), len(model)) and progress[0][0] > len(model) // 3  # picked up where it stopped
    assert not any((folder / ".downloads").iterdir())


def test_a_download_with_the_wrong_sha256_is_discarded(joe_model, tmp_path):
    files = {"/m.onnx": b"x" * 5000, "/m.onnx.json": Path(f"{joe_model}.json").read_bytes()}
    with FileServer(files) as base:
        with pytest.raises(PackError, match="không khớp"):
            install_voice(f"{base}/m.onnx", "m", name="M", region="north", gender="male", sha256="1" * 64,
                          folder=tmp_path)
    assert leftovers(tmp_path) == [] and not any((tmp_path / ".downloads").iterdir())


def test_a_missing_url_is_a_clear_error(tmp_path):
    with FileServer({}) as base:
        with pytest.raises(PackError, match="404"):
            install_voice(f"{base}/none.onnx", "m", name="M", region="north", gender="male", folder=tmp_path)


@pytest.fixture
def own_pack(joe, tmp_path) -> tuple[Path, str]:
    """A copy of the installed joe pack in a folder of its own, to damage."""
    folder = tmp_path / "voices"
    shutil.copytree(joe.folder, folder / "joe-copy")
    manifest = json.loads((folder / "joe-copy" / MANIFEST).read_text())
    manifest["id"] = "joe-copy"
    (folder / "joe-copy" / MANIFEST).write_text(json.dumps(manifest))
    return folder, "joe-copy"


def test_a_corrupt_model_makes_only_that_voice_unavailable(own_pack):
    folder, voice_id = own_pack
    model = folder / voice_id / "model.onnx"
    data = bytearray(model.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4096] = b"\0" * 4096  # same size, different bytes
    model.write_bytes(bytes(data))
    voice = get_voice(voice_id, folder)
    with pytest.raises(VoiceUnavailableError, match="sha256"):
        SpeechVoice.load(voice)
    assert SpeechVoice.load("vi-south-male").speak("Xin chào.").duration > 0.3


def test_a_truncated_or_missing_model_shows_as_unavailable(own_pack):
    folder, voice_id = own_pack
    model = folder / voice_id / "model.onnx"
    model.write_bytes(model.read_bytes()[:1000])
    voice = get_voice(voice_id, folder)
    assert not voice.available and "hỏng" in voice.error
    model.unlink()
    voice = get_voice(voice_id, folder)
    assert not voice.available and "thiếu tệp mô hình" in voice.error
    with pytest.raises(VoiceUnavailableError, match="thiếu tệp mô hình"):
        SpeechVoice.load(voice)
    assert voice.id not in [v.id for v in offered_voices(folder)]


def test_a_broken_manifest_shows_the_folder_as_unavailable(own_pack):
    folder, voice_id = own_pack
    (folder / voice_id / MANIFEST).write_text("{not json")
    voice = get_voice(voice_id, folder)
    assert not voice.available and MANIFEST in voice.error


def test_unknown_voice_lists_installed_ones_too(joe, piper_folder):
    with pytest.raises(UnknownVoiceError) as caught:
        get_voice("nobody", piper_folder)
    assert joe.id in str(caught.value) and "vi-north-male" in str(caught.value)


def test_preferences_choose_the_default_and_the_offered_voices(own_pack):
    folder, voice_id = own_pack
    assert [v.region for v in offered_voices(folder)] == sorted(
        [v.region for v in offered_voices(folder)], key=["north", "central", "south"].index)
    south = [v.id for v in offered_voices(folder) if v.region == "south"]
    assert south[0] == voice_id  # the neural voice comes first in its region
    write_preferences(folder, Preferences(default=voice_id, offered=(voice_id, "vi-north-female")))
    assert default_voice_id(folder) == voice_id == get_voice(None, folder).id
    assert [v.id for v in offered_voices(folder)] == ["vi-north-female", voice_id]
    (folder / voice_id / "model.onnx").unlink()  # the chosen default breaks: eSpeak NG takes over
    assert default_voice_id(folder) == DEFAULT_VOICE_ID


def test_remove_deletes_the_pack_and_forgets_it_in_the_preferences(own_pack):
    folder, voice_id = own_pack
    write_preferences(folder, Preferences(default=voice_id, offered=(voice_id, "vi-south-male")))
    remove_voice(voice_id, folder=folder)
    assert not (folder / voice_id).exists() and leftovers(folder) == []
    assert voice_id not in [v.id for v in list_voices(folder)]
    prefs = json.loads((folder / "preferences.json").read_text())
    assert prefs == {"default": None, "offered": ["vi-south-male"]}
    with pytest.raises(PackError):
        remove_voice(voice_id, folder=folder)


def test_checksums_are_computed_once_per_file_version(joe):
    path = Path(joe.folder) / "model.onnx"
    assert file_sha256(path) == joe.sha256 == file_sha256(path)


def test_a_restricted_catalogue_voice_is_refused_without_the_flag(tmp_path):
    with pytest.raises(PackError, match="hạn chế"):
        install_voice("vi_VN-vivos-x_low", gender="male", folder=tmp_path)
    with pytest.raises(PackError, match="hạn chế"):
        install_voice("vi_VN-25hours_single-low", folder=tmp_path)
    # with it, the install goes on (to the download, which has no network here)
    with pytest.raises(PackError, match="không tải được|máy chủ trả lỗi"):
        install_voice("vi_VN-vivos-x_low", gender="male", folder=tmp_path, allow_restricted=True)
    assert leftovers(tmp_path) == []


def test_a_kokoro_voice_installs_from_urls_and_speaks(kokoro_source, tmp_path):
    model, style = kokoro_source
    files = {"/k/model.onnx": model.read_bytes(), "/k/config.json": Path(f"{model}.json").read_bytes(),
             "/k/voices/alpha.bin": np.load(style).astype("<f4").tobytes()}  # raw float32, as onnx-community ships
    with FileServer(files) as base:
        voice = install_voice(f"{base}/k/model.onnx", "kokoro-url", name="Kokoro", region="north", gender="female",
                              folder=tmp_path, sha256=sha256_of(model), style=f"{base}/k/voices/alpha.bin",
                              config=f"{base}/k/config.json")
    assert voice.engine == "kokoro" and voice.available and voice.source == f"{base}/k/model.onnx"
    assert np.array_equal(np.load(Path(voice.folder) / "style.npy"), np.load(style).reshape(-1, 256))
    assert SpeechVoice.load("kokoro-url", folder=tmp_path).speak("Xin chào.").sentences[0].words
    assert leftovers(tmp_path) == []


def test_a_kokoro_voice_needs_its_style_and_a_vocabulary(kokoro_source, joe_model, tmp_path):
    model, style = kokoro_source
    with pytest.raises(PackError, match="vectơ giọng"):
        install_voice(str(model), "k", name="K", region="north", gender="female", folder=tmp_path,
                      style=str(tmp_path / "missing.npy"))
    with pytest.raises(PackError, match="Kokoro"):  # a Piper config is not a Kokoro vocabulary
        install_voice(str(model), "k", name="K", region="north", gender="female", folder=tmp_path,
                      style=str(style), config=f"{joe_model}.json")
    assert leftovers(tmp_path) == [] and [v.id for v in list_voices(tmp_path) if not v.builtin] == []
