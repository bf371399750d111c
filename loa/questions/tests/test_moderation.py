"""Moderation: nothing is public until published with an answer; notices; retention."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from loa.participation.tests.helpers import CONTACT, post_form
from loa.questions import moderation
from loa.questions.forms import FORM_NAME
from loa.questions.models import Question, QuestionPage
from loa.readaloud.models import Narration, ReadingScript
from loa.readaloud.tests.helpers import run_tasks

ANSWER = "<p>Thời hạn là <b>20 ngày làm việc</b>.</p><p>Liên hệ bộ phận một cửa.</p>"


def submit(client, topic, **changes) -> Question:
    data = {"topic": str(topic.pk), "title": "Thời hạn cấp sổ đỏ lần đầu", "content": "Xin hỏi thời hạn?\n\nCảm ơn.",
            **changes}
    assert post_form(client, "/hoi-dap/gui-cau-hoi/", data, FORM_NAME).status_code == 200
    return Question.objects.latest("created_at")


def public_views(client, question: Question) -> dict[str, str]:
    return {
        "list": client.get("/hoi-dap/").content.decode(),
        "search": client.get("/hoi-dap/", {"q": "so do"}).content.decode(),
        "reference": client.get("/hoi-dap/", {"q": question.reference}).content.decode(),
        "api": client.get("/api/v2/pages/", {"type": "questions.QuestionPage", "fields": "*"}).content.decode(),
    }


def test_a_question_is_invisible_until_published_with_an_answer(client, qa_index, topic, committee):
    question = submit(client, topic)
    for name, html in public_views(client, question).items():
        assert "Thời hạn cấp sổ đỏ" not in html, name
    with pytest.raises(moderation.ModerationError):
        moderation.apply(question, "publish")  # no answer yet, not answered
    question.committee = committee
    moderation.apply(question, "assign")
    question.answer = ANSWER
    moderation.apply(question, "answer")
    assert QuestionPage.objects.count() == 0
    assert "Thời hạn cấp sổ đỏ" not in client.get("/hoi-dap/").content.decode()

    question.public_content = "Xin hỏi thời hạn cấp giấy chứng nhận lần đầu?"
    moderation.apply(question, "publish")
    page = QuestionPage.objects.get()
    assert page.live and page.reference == question.reference and question.page == page
    views = public_views(client, question)
    run_tasks()  # the search index is updated by a task
    views = public_views(client, question)
    assert [name for name, html in views.items() if "Thời hạn cấp sổ đỏ lần đầu" not in html] == []
    html = client.get(page.url).content.decode()
    assert "20 ngày làm việc" in html and "Xin hỏi thời hạn cấp giấy chứng nhận lần đầu?" in html
    assert committee.name in html
    for value in CONTACT.values():
        assert value not in html
    # Read aloud like an article: a script of title, question and answer, audio queued on publish.
    script = ReadingScript.objects.get(page_id=page.pk)
    assert [unit["block"] for unit in script.units] == ["title", "question", "answer", "answer"]
    assert script.text.startswith("Thời hạn cấp sổ đỏ lần đầu")
    run_tasks()
    assert Narration.objects.get(page_id=page.pk).state == "ready"
    assert 'data-readaloud-block="answer"' in client.get(page.url).content.decode()

    moderation.apply(question, "withdraw")
    assert not QuestionPage.objects.get().live
    assert client.get(page.url).status_code == 404
    assert "Thời hạn cấp sổ đỏ" not in client.get("/hoi-dap/").content.decode()


def test_readaloud_pieces_are_exactly_what_the_page_shows(client, qa_index, topic):
    question = submit(client, topic, content="Dòng một\ncó <b>thẻ</b> & ký tự\n\nĐoạn hai.")
    question.answer = ANSWER
    moderation.apply(question, "answer")
    moderation.apply(question, "publish")
    page = QuestionPage.objects.get()
    html = client.get(page.url).content.decode()
    for block, markup in page.readaloud_pieces()[1:]:
        assert f'data-readaloud-block="{block}">{markup}</div>' in html


def test_rejection_needs_a_reason_and_reopening_clears_it(client, qa_index, topic):
    question = submit(client, topic)
    with pytest.raises(moderation.ModerationError) as error:
        moderation.apply(question, "reject")
    assert error.value.field == "rejection_reason"
    question.rejection_reason = "Nội dung không thuộc thẩm quyền của HĐND tỉnh."
    moderation.apply(question, "reject")
    assert question.status == "rejected" and question.closed_at is not None
    with pytest.raises(moderation.ModerationError):
        moderation.apply(question, "publish")
    moderation.apply(question, "reopen")
    assert question.status == "received" and question.closed_at is None and question.rejection_reason == ""


def test_no_mail_without_a_mail_server(client, qa_index, topic, committee, settings):
    settings.EMAIL_HOST = ""
    question = submit(client, topic)
    question.committee = committee
    moderation.apply(question, "assign")
    run_tasks()
    assert mail.outbox == []


def test_notices_go_to_the_office_the_committee_and_the_citizen(client, qa_index, topic, committee, settings,
                                                                 django_user_model, django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = "mail.example.vn"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    django_user_model.objects.create_superuser("vanphong", email="vanphong@hdnd.example.vn", password="x")
    with django_capture_on_commit_callbacks(execute=True):
        question = submit(client, topic)
        question.committee = committee
        moderation.apply(question, "assign")
        question.answer = ANSWER
        moderation.apply(question, "answer")
        moderation.apply(question, "publish")
    run_tasks()
    sent = {(message.to[0], message.subject.split(" ")[0]) for message in mail.outbox}
    assert ("vanphong@hdnd.example.vn", "Câu") in sent
    assert any(m.to == [committee.email] and "được chuyển đến" in m.subject for m in mail.outbox)
    # Besides the receipt with the reference and private code (loa/questions/tests/test_rights.py):
    to_citizen = [m for m in mail.outbox if m.to == [CONTACT["email"]] and not m.subject.startswith("Đã nhận")]
    assert len(to_citizen) == 1 and QuestionPage.objects.get().full_url in to_citizen[0].body
    for message in mail.outbox:
        if message.to != [CONTACT["email"]]:
            assert CONTACT["email"] not in message.body and CONTACT["phone"] not in message.body


def test_contact_details_are_erased_after_the_retention_time(client, qa_index, topic, settings):
    settings.PARTICIPATION_CONTACT_RETENTION_DAYS = 30
    closed_long_ago, closed_recently, still_open = (submit(client, topic, title=f"Câu {i}") for i in range(3))
    for question in (closed_long_ago, closed_recently):
        question.rejection_reason = "Trùng lặp."
        moderation.apply(question, "reject")
    Question.objects.filter(pk=closed_long_ago.pk).update(closed_at=timezone.now() - timedelta(days=31))
    call_command("participation_upkeep", stdout=open("/dev/null", "w"))
    erased = Question.objects.get(pk=closed_long_ago.pk)
    assert (erased.name, erased.email, erased.phone, erased.address) == ("", "", "", "")
    assert erased.contact_erased_at is not None and erased.title == "Câu 0"
    for kept in (closed_recently, still_open):
        assert Question.objects.get(pk=kept.pk).email == CONTACT["email"]


def test_the_list_filters_by_topic_and_searches_without_diacritics(client, qa_index, topic, db):
    from loa.questions.models import Topic

    health = Topic.objects.create(name="Y tế", slug="y-te")
    for chosen, title in ((topic, "Thủ tục cấp sổ đỏ lần đầu"), (health, "Bảo hiểm y tế cho người cao tuổi")):
        question = submit(client, chosen, title=title)
        question.answer = ANSWER
        moderation.apply(question, "answer")
        moderation.apply(question, "publish")
    run_tasks()
    only_health = client.get("/hoi-dap/", {"linh-vuc": "y-te"}).content.decode()
    assert "Bảo hiểm y tế" in only_health and "Thủ tục cấp sổ đỏ" not in only_health
    folded = client.get("/hoi-dap/", {"q": "bao hiem", "linh-vuc": "y-te"}).content.decode()
    assert "Bảo hiểm y tế" in folded
    nothing = client.get("/hoi-dap/", {"q": "bao hiem", "linh-vuc": "dat-dai"}).content.decode()
    assert "Bảo hiểm y tế" not in nothing and "Chưa có câu hỏi đã trả lời nào" in nothing
    unknown = client.get("/hoi-dap/", {"linh-vuc": "khong-co"}).content.decode()
    assert "Không có lĩnh vực này" in unknown and "Bảo hiểm y tế" in unknown
