"""Generation on publish, reuse of sentence audio, failures and retries, stale audio never served."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from loa.readaloud.models import Narration, NarrationState
from loa.readaloud.narration.audio_store import audio_path, audio_url
from loa.readaloud.narration.keys import default_voice_id
from loa.readaloud.narration.tasks import request_narration
from loa.speech.normalize import normalize

from .helpers import paragraph, readaloud_tasks, republish, run_tasks

pytestmark = pytest.mark.django_db
DEFAULT = "vi-south-male"


def readaloud_tasks_named(name: str):
    return DBTaskResult.objects.filter(task_path=f"loa.readaloud.narration.tasks.{name}")


def narration(page, voice: str = DEFAULT) -> Narration:
    return Narration.objects.get(page_id=page.pk, voice=voice)


def api(client, page, voice: str = DEFAULT) -> dict:
    response = client.get(f"/api/readaloud/pages/{page.pk}", {"voice": voice})
    assert response.status_code == 200
    return response.json()


def test_publishing_enqueues_the_default_voice_only(article):
    assert default_voice_id() == DEFAULT
    assert [t.args_kwargs["args"][:2] for t in readaloud_tasks()] == [[article.pk, DEFAULT]]
    assert narration(article).state == NarrationState.PENDING
    assert Narration.objects.filter(page_id=article.pk).count() == 1


def test_worker_makes_the_audio_and_sentences_point_into_the_page(article, client):
    assert api(client, article)["status"] == "pending"
    run_tasks()
    data = api(client, article)
    assert data["status"] == "ready"
    assert data["audio_url"].startswith("/readaloud/audio/") and data["audio_url"].endswith(".mp3")
    assert data["duration"] > 5
    sentences = data["sentences"]
    assert sentences[0]["block"] == "title" and sentences[0]["text"] == article.title
    assert sentences[1]["block"] == "summary"
    assert [s["start"] for s in sentences] == sorted(s["start"] for s in sentences)
    assert all(s["end"] > s["start"] for s in sentences) and sentences[-1]["end"] <= data["duration"] + 0.01
    assert not any("không được đọc" in s["text"] for s in sentences)
    blocks = {child.id: child for child in article.body}
    from loa.readaloud.narration.html_text import text_content

    for s in sentences[2:]:
        shown = text_content(str(blocks[s["block"]].render()))
        assert shown[s["char_start"]:s["char_end"]] == s["text"]
    path = audio_path(narration(article).audio_name)
    assert path.stat().st_size == data["audio_size"]
    assert path.read_bytes()[:2] in (b"\xff\xf3", b"\xff\xf2", b"\xff\xfb", b"ID")  # MPEG audio frames


def test_an_edit_synthesizes_only_the_changed_sentence(article, client, synthesis_calls):
    run_tasks()
    first = narration(article)
    assert len(synthesis_calls) == first.sentence_count == first.synthesized_count
    synthesis_calls.clear()

    body = article.body.raw_data
    body[1]["value"]["text"] = (
        "<p>Kỳ họp thứ 25 khai mạc chiều nay. Các đại biểu thảo luận <b>18 nghị quyết</b> quan trọng.</p>"
    )
    edited = republish(article, body=body)
    stale = api(client, edited)
    assert stale["status"] == "pending" and stale["audio_url"] is None  # the old file is not offered
    run_tasks()
    second = narration(edited)
    assert second.state == NarrationState.READY
    assert synthesis_calls == [normalize("Kỳ họp thứ 25 khai mạc chiều nay.", region="south").text]
    assert second.synthesized_count == 1 and second.sentence_count == first.sentence_count
    assert second.audio_name != first.audio_name
    assert api(client, edited)["audio_url"] == audio_url(second.audio_name)


def test_republishing_unchanged_text_needs_no_work(article, synthesis_calls):
    run_tasks()
    synthesis_calls.clear()
    queued = readaloud_tasks().count()
    republish(article)
    assert narration(article).state == NarrationState.READY
    assert readaloud_tasks().count() == queued
    run_tasks()
    assert synthesis_calls == []


def test_other_voices_are_made_on_first_request_from_the_same_position_data(article, client):
    run_tasks()
    assert api(client, article, "vi-north-female")["status"] == "pending"
    run_tasks()
    north = api(client, article, "vi-north-female")
    south = api(client, article)
    assert north["status"] == "ready" and north["audio_url"] != south["audio_url"]
    assert [(s["block"], s["char_start"]) for s in north["sentences"]] == [
        (s["block"], s["char_start"]) for s in south["sentences"]
    ]


def test_failure_is_recorded_retried_and_then_succeeds(article, client, settings, tmp_path):
    # The audio directory cannot be created: a real failure inside the generation.
    blocked = tmp_path / "media"
    blocked.parent.mkdir(exist_ok=True)
    blocked.write_text("not a directory")
    run_tasks()
    failed = narration(article)
    assert failed.state == NarrationState.RETRYING
    assert failed.attempts == 1 and failed.error.startswith("NotADirectoryError")
    assert failed.retry_at > timezone.now()
    assert readaloud_tasks("FAILED").count() == 1
    retry = readaloud_tasks("READY").get()
    assert retry.run_after > timezone.now()  # backed off
    data = api(client, article)
    assert data["status"] == "pending" and "error" in data and data["audio_url"] is None
    assert article.title in client.get(article.url).content.decode()  # the page still works

    blocked.unlink()
    run_tasks(make_due=True)
    recovered = narration(article)
    assert recovered.state == NarrationState.READY and recovered.attempts == 2 and recovered.error == ""
    assert api(client, article)["status"] == "ready"


def test_attempts_run_out_into_failed_then_a_request_after_the_cooldown_retries(article, client, settings, tmp_path):
    (tmp_path / "media").write_text("not a directory")
    for _ in range(3):
        run_tasks(make_due=True)
    failed = narration(article)
    assert failed.state == NarrationState.FAILED and failed.attempts == 3
    assert api(client, article)["status"] == "failed"
    assert readaloud_tasks("READY").count() == 0  # no endless retrying

    (tmp_path / "media").unlink()
    settings.READALOUD_FAILED_RETRY_AFTER = 0
    assert api(client, article)["status"] == "pending"
    run_tasks()
    assert api(client, article)["status"] == "ready"


def test_a_result_for_text_that_changed_meanwhile_is_dropped(article, client):
    old = narration(article)
    republish(article, body=[paragraph("<p>Nội dung hoàn toàn mới.</p>")])
    new = narration(article)
    assert new.key != old.key
    # the old task runs first and must not mark the new text as ready with old audio
    run_tasks()
    data = api(client, article)
    assert data["status"] == "ready"
    assert any("Nội dung hoàn toàn mới." == s["text"] for s in data["sentences"])
    assert not any("Kỳ họp thứ" in s["text"] for s in data["sentences"])


def test_unknown_page_or_voice(client, article):
    assert client.get("/api/readaloud/pages/999999").status_code == 404
    response = client.get(f"/api/readaloud/pages/{article.pk}", {"voice": "alloy"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert "alloy" in error["message"] and DEFAULT in error["valid_voices"]


def test_request_narration_starts_missing_voice_once(article):
    first = request_narration(article, "vi-central-male")
    again = request_narration(article, "vi-central-male")
    assert first.pk == again.pk
    assert readaloud_tasks().filter(args_kwargs__args__1="vi-central-male").count() == 1


def test_a_replaced_file_is_deleted_a_day_later_unless_used_again(article, client):
    run_tasks()
    old = narration(article)
    assert client.get(audio_url(old.audio_name), HTTP_RANGE="bytes=0-9").status_code == 206
    republish(article, title="Tiêu đề đã sửa")
    run_tasks()
    new = narration(article)
    cleanup = readaloud_tasks_named("delete_unused_audio").get()
    assert cleanup.args_kwargs["args"] == [old.audio_name]
    assert cleanup.run_after > timezone.now() + timedelta(hours=23)
    run_tasks()
    assert audio_path(old.audio_name).exists()  # not yet due
    run_tasks(make_due=True)
    assert not audio_path(old.audio_name).exists() and audio_path(new.audio_name).exists()
    assert client.get(audio_url(old.audio_name), HTTP_RANGE="bytes=0-9").status_code == 404
    assert client.get(audio_url(new.audio_name), HTTP_RANGE="bytes=0-9").status_code == 206


def test_every_narration_waits_for_a_free_synthesis_slot(article, settings):
    """eSpeak NG voices too: every synthesis on the machine counts against the same slots."""
    from loa.readaloud.narration.synthesis_slots import synthesis_slot

    settings.READALOUD_SYNTHESES_PER_MACHINE = 1
    with synthesis_slot() as held:
        assert held is not None
        run_tasks()
    narration = Narration.objects.get(page_id=article.pk, voice=default_voice_id())
    assert narration.state == NarrationState.PENDING
    waiting = readaloud_tasks("READY").get()
    assert timezone.now() < waiting.run_after <= timezone.now() + timedelta(seconds=5)
    run_tasks(make_due=True)
    narration.refresh_from_db()
    assert narration.state == NarrationState.READY
