"""Citizens' participation in a real browser and over real HTTP: questions, drafts, the schedule.

- a question goes through the form, is invisible until an editor publishes it with an answer in
  the admin, then appears and is read aloud with the text highlighted;
- refusals over HTTP (honeypot, too fast, over-long, 20 a minute, HTML everywhere) store nothing;
- a draft closes at its deadline; axe-core finds no WCAG 2.1 AA violation on the three sections;
- no contact detail of a citizen appears in any public page, feed, API answer, log line or cache key.
"""
from __future__ import annotations

import json
import logging
import re
import time
from datetime import time as clock_time
from datetime import timedelta

import httpx
import pytest

from loa.participation.tests.helpers import CONTACT, aged_token, contact_values

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AUDIO = "document.querySelector('[data-readaloud-player] audio')"
HIGHLIGHTED = "(() => { const h = CSS.highlights.get('loa-readaloud'); return h ? [...h][0].toString() : null; })()"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
QUESTION_TITLE = "Xin hỏi về thời hạn làm sổ đỏ ở phường Bình An"


def axe_violations(browser_page) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(browser_page, options=WCAG_21_AA)
    return results.violations_count, results.generate_report()


@pytest.fixture
def sections(demo_site, settings):
    """The demo site (it holds the three sections) with a short minimum fill time and fresh limits."""
    from django.core.cache import caches

    caches["limits"].clear()
    settings.PARTICIPATION_MIN_FILL_SECONDS = 1
    settings.PARTICIPATION_RATE_LIMIT = 10
    settings.PARTICIPATION_RATE_WINDOW = 10**9  # one fixed window for the whole test: no count resets halfway
    return demo_site


@pytest.fixture
def captured_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def fill_question(page, title: str = QUESTION_TITLE, content: str = "Hồ sơ nộp đã hai tháng, xin hỏi thời hạn?") -> None:
    page.get_by_label("Họ và tên").fill(CONTACT["name"])
    page.get_by_label("Thư điện tử (không bắt buộc)").fill(CONTACT["email"])
    page.get_by_label("Số điện thoại (không bắt buộc)").fill(CONTACT["phone"])
    page.get_by_label("Địa chỉ (không bắt buộc)").fill(CONTACT["address"])
    page.get_by_label("Lĩnh vực").select_option(label="Đất đai")
    page.get_by_label("Tiêu đề").fill(title)
    page.get_by_label("Nội dung câu hỏi").fill(content)


def save_admin_form(page) -> None:
    with page.expect_navigation():
        page.locator("footer button[type=submit].button-longrunning, main form button[type=submit].button-longrunning").last.click()


def test_a_question_goes_from_the_form_to_a_published_answer_that_is_read_aloud(
        page, new_context, sections, make_user, login, captured_logs):
    from django_tasks_db.models import DBTaskResult

    from loa.questions.models import Question, QuestionPage
    from loa.readaloud.tests.helpers import run_tasks

    DBTaskResult.objects.filter(status="READY").delete()  # the demo articles' narrations: a minute, not this test's
    page.goto(sections + "/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi đến Hội đồng nhân dân").click()
    page.wait_for_selector("#question-form")
    fill_question(page)
    page.get_by_label(re.compile("Tôi đã đọc thông báo")).check()
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_selector(".form-thanks")
    question = Question.objects.get(title=QUESTION_TITLE)
    assert "Cảm ơn bạn, câu hỏi đã được nhận" in page.inner_text("main")
    assert question.reference in page.locator(".reference-number").inner_text()
    page.wait_for_function("document.activeElement.classList.contains('form-thanks')")

    # Invisible to visitors until published.
    page.goto(sections + "/hoi-dap/")
    assert QUESTION_TITLE not in page.inner_text("main")

    # An editor of the office moves it through the admin.
    make_user("tiepnhan", groups=("Tiếp nhận ý kiến người dân",))
    editor = new_context().new_page()
    login(editor, "tiepnhan")
    editor.goto(f"{sections}/admin/questions/edit/{question.pk}/")
    assert CONTACT["email"] in editor.inner_text("main")  # the group holds the personal-data permission
    editor.select_option("#id_committee", label="Ban Kinh tế - Ngân sách HĐND tỉnh")
    editor.select_option("#id_action", "assign")
    save_admin_form(editor)
    assert Question.objects.get(pk=question.pk).status == "assigned"
    editor.goto(f"{sections}/admin/questions/edit/{question.pk}/")
    answer_box = editor.locator("#panel-answer-content .public-DraftEditor-content")
    answer_box.click()
    answer_box.press_sequentially("Thời hạn giải quyết là 20 ngày làm việc. Ông bà liên hệ bộ phận một cửa.")
    editor.keyboard.press("Escape")
    editor.wait_for_function("() => (document.querySelector('input[name=\"answer\"]') || {}).value?.includes('20 ng')")
    editor.select_option("#id_action", "answer")
    save_admin_form(editor)
    assert Question.objects.get(pk=question.pk).status == "answered"
    page.goto(sections + "/hoi-dap/")
    assert QUESTION_TITLE not in page.inner_text("main")
    editor.goto(f"{sections}/admin/questions/edit/{question.pk}/")
    editor.select_option("#id_action", "publish")
    save_admin_form(editor)
    question.refresh_from_db()
    assert question.status == "published" and QuestionPage.objects.get(pk=question.page_id).live

    # Visitors find it in the list and by its reference, and hear it.
    run_tasks()  # search index and audio, as the worker does
    page.goto(sections + "/hoi-dap/")
    page.get_by_label("Từ khóa hoặc mã số").fill(question.reference)
    page.get_by_role("search", name="Tìm câu hỏi đã trả lời").get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name=QUESTION_TITLE).click()
    page.wait_for_selector("[data-readaloud-player][data-status=ready]")
    assert "20 ngày làm việc" in page.inner_text("[data-readaloud-block=answer]")
    page.wait_for_function(f"{AUDIO}.src.endsWith('.mp3')")
    page.get_by_role("button", name="Nghe", exact=True).click()
    page.wait_for_function(f"{AUDIO}.currentTime > 0.1", timeout=15_000)
    page.get_by_role("button", name="Tạm dừng").click()
    page.wait_for_function(f"{HIGHLIGHTED} === {json.dumps(QUESTION_TITLE)}", timeout=5_000)
    spoken = page.evaluate("async () => (await (await fetch(document.querySelector('[data-readaloud-player]').dataset.api)).json()).sentences")
    assert {s["block"] for s in spoken} == {"title", "question", "answer"}
    answer_sentences = [s["text"] for s in spoken if s["block"] == "answer"]
    assert answer_sentences[0] == "Thời hạn giải quyết là 20 ngày làm việc."
    page.locator("[data-readaloud-block=answer] p").click()  # clicking the answer plays it, highlighted
    page.wait_for_function(f"{json.dumps(answer_sentences)}.includes({HIGHLIGHTED})", timeout=5_000)

    assert_no_contact_details_anywhere(sections, captured_logs)


def public_urls(base: str) -> list[str]:
    from wagtail.models import Page

    urls = ["/", "/hoi-dap/", "/hoi-dap/?q=dat", "/gop-y-du-thao/", "/lich-cong-tac/", "/lich-cong-tac/ical/",
            "/rss/", "/podcast.xml", "/tim-kiem/?q=thoi+han", "/api/v2/pages/?fields=*&limit=20",
            "/api/v2/pages/?type=questions.QuestionPage&fields=*", "/api/v2/pages/?type=consultations.DraftPage&fields=*"]
    for page in Page.objects.live().public().specific():
        if page.url:
            urls += [page.url, f"/api/v2/pages/{page.pk}/"]
    return urls


def assert_no_contact_details_anywhere(base: str, caplog) -> None:
    """Public pages, feeds and API answers, every log line, every cache key and the task queue."""
    from django.core.cache import caches
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    forbidden = contact_values()
    with httpx.Client(base_url=base, timeout=30) as http:
        for url in public_urls(base):
            response = http.get(url)
            assert response.status_code == 200, url
            text = response.text
            found = [value for value in forbidden if value in text]
            assert found == [], (url, found)
    logged = "\n".join(record.getMessage() + " " + str(record.args) for record in caplog.records)
    assert logged, "no log line was captured at all"
    assert [value for value in forbidden if value in logged] == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM loa_limits")
        keys = " ".join(row[0] for row in cursor.fetchall())
    local_keys = " ".join(str(key) for key in getattr(caches["default"], "_cache", {}))
    assert [value for value in forbidden if value in keys + local_keys] == []
    queued = " ".join(json.dumps(task.args_kwargs, ensure_ascii=False) for task in DBTaskResult.objects.all())
    assert [value for value in forbidden if value in queued] == []


def http_form(http: httpx.Client, url: str) -> tuple[str, str]:
    page = http.get(url)
    assert page.status_code == 200
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
    return csrf, token


def test_refusals_over_real_http_store_nothing_and_escape_everything(sections, captured_logs):
    from loa.questions.models import Question, Topic

    topic = str(Topic.objects.get(slug="dat-dai").pk)
    demo = Question.objects.count()
    url = "/hoi-dap/gui-cau-hoi/"
    base = {"website": "", "consent": "on", **CONTACT, "topic": topic, "title": "Câu hỏi thử", "content": "Nội dung."}
    with httpx.Client(base_url=sections, timeout=30, headers={"Referer": sections + url}) as http:
        csrf, token = http_form(http, url)
        send = lambda **data: http.post(url, data={"csrfmiddlewaretoken": csrf, **base, **data})  # noqa: E731
        too_fast = send(form_token=token)  # the form was served a moment ago
        assert too_fast.status_code == 400 and "quá nhanh" in too_fast.text
        aged = aged_token("question")
        honeypot = send(form_token=aged, website="http://spam.example")
        assert honeypot.status_code == 400 and "tự động" in honeypot.text
        too_long = send(form_token=aged, content="Dài " * 2000)
        assert too_long.status_code == 400 and "tối đa 5.000 ký tự" in too_long.text
        everywhere = {name: XSS[:limit] for name, limit in (("name", 100), ("address", 300), ("title", 200),
                                                              ("content", 5000), ("email", 254), ("phone", 20))}
        escaped = send(form_token=aged, **everywhere)
        assert escaped.status_code == 400 and "<script>window.__xss" not in escaped.text
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in escaped.text
        assert Question.objects.count() == demo
        # 20 submissions in a minute from one client: 6 of the 10 allowed are left (4 were spent above).
        statuses = [send(form_token=aged_token("question"), title=f"Câu hỏi số {i}").status_code for i in range(20)]
        assert statuses == [200] * 6 + [429] * 14, statuses
        assert Question.objects.count() == demo + 6
        limited = send(form_token=aged_token("question"))
        assert "quá nhiều lần" in limited.text and int(limited.headers["Retry-After"]) > 0
    titles = Question.objects.filter(title__startswith="Câu hỏi số").values_list("title", flat=True)
    assert sorted(titles) == [f"Câu hỏi số {i}" for i in range(6)]


def test_script_in_every_field_never_runs_in_the_browser(page, sections, make_user, login):
    from loa.questions import moderation
    from loa.questions.models import Question

    page.goto(sections + "/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Họ và tên").fill(XSS[:100])
    page.get_by_label("Địa chỉ (không bắt buộc)").fill(XSS)
    page.get_by_label("Lĩnh vực").select_option(label="Y tế")
    page.get_by_label("Tiêu đề").fill(XSS[:200])
    page.get_by_label("Nội dung câu hỏi").fill(XSS)
    page.get_by_label(re.compile("Tôi đã đọc thông báo")).check()
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_selector(".form-thanks")
    question = Question.objects.get(content=XSS)
    question.answer = "<p>Trả lời <script>window.__xss=3</script>an toàn.</p>"
    moderation.apply(question, "answer")
    moderation.apply(question, "publish")
    question.refresh_from_db()
    page.goto(sections + question.page.url)
    assert XSS[:200] in page.inner_text("h1") and XSS in page.inner_text("[data-readaloud-block=question]")
    make_user("quantri", superuser=True)
    login(page, "quantri")
    page.goto(f"{sections}/admin/questions/edit/{question.pk}/")
    page.goto(f"{sections}/admin/questions/")
    assert page.evaluate("() => window.__xss") is None


def test_a_draft_closes_at_its_deadline(page, sections, settings):
    from django.utils import timezone

    from loa.consultations.models import ConsultationIndexPage, DraftComment, DraftPage

    settings.LOA_PAGE_CACHE_SECONDS = 60  # the closing must show through the page cache too
    index = ConsultationIndexPage.objects.get()
    deadline = timezone.now() + timedelta(seconds=6)
    draft = DraftPage(title="Dự thảo hết hạn trong vài giây", slug="du-thao-vai-giay", summary="Thử hạn góp ý.",
                      opens_at=timezone.now() - timedelta(days=1), closes_at=deadline)
    index.add_child(instance=draft)
    draft.save_revision().publish()
    with httpx.Client(base_url=sections) as http:
        assert "Dự thảo hết hạn trong vài giây" in http.get("/gop-y-du-thao/").text  # cached, until the deadline
    page.goto(sections + draft.url)
    page.get_by_label("Họ và tên").fill(CONTACT["name"])
    page.get_by_label("Nội dung góp ý").fill("Góp ý gửi sát hạn.")
    page.get_by_label(re.compile("Tôi đã đọc thông báo")).check()
    time.sleep(max(0.0, (deadline - timezone.now()).total_seconds()) + 0.2)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_selector(".draft-closed")
    assert "Đã hết hạn góp ý" in page.inner_text(".draft-closed") and "gửi sau thời hạn" in page.inner_text(".draft-closed")
    assert DraftComment.objects.count() == 0
    page.goto(sections + draft.url)
    assert page.locator("#comment-form").count() == 0 and "Đã hết hạn góp ý" in page.inner_text("main")
    page.goto(sections + "/gop-y-du-thao/")
    closed = page.locator("section[aria-labelledby=closed-drafts]")
    assert "Dự thảo hết hạn trong vài giây" in closed.inner_text()


def test_a_comment_on_an_open_draft_is_received(page, sections):
    from loa.consultations.models import DraftComment, DraftPage

    draft = DraftPage.objects.get(slug="du-thao-ho-tro-hoc-phi-2026-2027")
    from loa.ads.models import Advertisement

    # The demo's sidebar ad leads to this section (on the configured portal address; here: the test server).
    ad = Advertisement.objects.get(title="Góp ý dự thảo nghị quyết")
    assert ad.target_url.endswith("/gop-y-du-thao/")
    Advertisement.objects.filter(pk=ad.pk).update(target_url=sections + "/gop-y-du-thao/")
    page.goto(sections + "/")
    page.locator(f"[data-ad-id='{ad.pk}'] a").first.click()
    page.wait_for_url(re.compile(r"/gop-y-du-thao/$"))
    page.get_by_role("link", name=draft.title).click()
    page.get_by_label("Họ và tên").fill(CONTACT["name"])
    page.get_by_label("Điều, khoản góp ý (không bắt buộc)").fill("Điều 2")
    page.get_by_label("Nội dung góp ý").fill("Đề nghị hỗ trợ 100% học phí cho cả trung học phổ thông.")
    page.get_by_label(re.compile("Tôi đã đọc thông báo")).check()
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_selector(".form-thanks")
    comment = DraftComment.objects.get()
    assert comment.reference in page.inner_text(".form-thanks") and comment.section == "Điều 2"


@pytest.mark.parametrize("where", ["questions", "ask-errors", "consultations", "draft", "schedule", "question"])
def test_axe_wcag21_aa_on_the_three_sections(page, sections, where):
    from loa.consultations.models import DraftPage
    from loa.questions.models import QuestionPage

    if where == "questions":
        page.goto(sections + "/hoi-dap/")
    elif where == "question":
        page.goto(sections + QuestionPage.objects.live().first().url)
    elif where == "ask-errors":
        page.goto(sections + "/hoi-dap/gui-cau-hoi/")
        page.get_by_label("Thư điện tử (không bắt buộc)").fill("sai-dia-chi")
        page.wait_for_timeout(1100)  # past the minimum fill time: these are the form's own errors
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.wait_for_selector("[data-form-alert]")
        # Errors are announced: the alert gets focus, each field points at its message.
        page.wait_for_function("document.activeElement.hasAttribute('data-form-alert')")
        assert page.get_by_role("alert").count() >= 1
        email = page.get_by_label("Thư điện tử (không bắt buộc)")
        assert email.get_attribute("aria-invalid") == "true"
        assert "id_email-error" in email.get_attribute("aria-describedby")
        assert email.input_value() == "sai-dia-chi"  # nothing typed is lost
    elif where == "consultations":
        page.goto(sections + "/gop-y-du-thao/")
    elif where == "draft":
        page.goto(sections + DraftPage.objects.get(slug="du-thao-ho-tro-hoc-phi-2026-2027").url)
    else:
        page.goto(sections + "/lich-cong-tac/")
        assert page.locator("[aria-current=date]").count() == 1
    page.wait_for_load_state("load")
    count, report = axe_violations(page)
    assert count == 0, report


def test_the_week_calendar_downloads_and_the_week_picker_navigates(page, sections):
    from icalendar import Calendar

    from loa.schedule.weeks import IsoWeek

    page.goto(sections + "/lich-cong-tac/")
    this = IsoWeek.current()
    page.get_by_role("link", name="Tuần sau ›").click()
    page.wait_for_url(re.compile(rf"tuan={this.shifted(1)}"))
    assert this.shifted(1).label() in page.inner_text("h2.schedule-week-title")
    page.get_by_label("Xem tuần").fill(str(this))
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url(re.compile(rf"tuan={this}"))
    href = page.get_by_role("link", name=re.compile(r"Tải lịch .*\(\.ics\)")).get_attribute("href")
    with httpx.Client(base_url=sections) as http:
        calendar = Calendar.from_ical(http.get(href).content)
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert starts[0].hour == 7 and starts[0].minute == 30 and str(starts[0].tzinfo) == "Asia/Ho_Chi_Minh"
    assert starts[0].date() == this.monday and clock_time(7, 30) == starts[0].time()


def test_the_sections_fit_a_360px_screen(page, sections):
    from loa.consultations.models import DraftPage

    from .conftest import OVERFLOW_JS

    page.set_viewport_size({"width": 360, "height": 740})
    draft = DraftPage.objects.get(slug="du-thao-ho-tro-hoc-phi-2026-2027")
    for path in ("/hoi-dap/", "/hoi-dap/gui-cau-hoi/", "/gop-y-du-thao/", draft.url, "/lich-cong-tac/"):
        page.goto(sections + path)
        page.wait_for_load_state("load")
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        overflowing = page.evaluate(OVERFLOW_JS)
        assert widths[0] <= widths[1] == 360, (path, widths)
        assert overflowing == [], (path, overflowing[:10])
