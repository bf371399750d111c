"""Citizens' rights over what they sent (/du-lieu-ca-nhan/): reference + private code open it;
withdrawing consent erases the contacts and keeps the published answer; deletion is logged with
its deadline and carried out by the office; wrong codes are refused alike and rate-limited."""
from __future__ import annotations

import re
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from loa.participation.models import DataRequest, RequestKind, RequestStatus
from loa.participation.tests.helpers import CONTACT, contact_values
from loa.questions import moderation
from loa.questions.models import Question, QuestionPage
from loa.readaloud.tests.helpers import run_tasks

from .test_moderation import ANSWER

URL = "/du-lieu-ca-nhan/"
CODE_RE = re.compile(r"Mã riêng: <span class=\"access-code\">([0-9A-Z]{5}-[0-9A-Z]{5})</span>")


def submitted(client, topic) -> tuple[Question, str]:
    """A question sent through the form, and the private code its thank-you page showed."""
    from loa.participation.tests.helpers import post_form
    from loa.questions.forms import FORM_NAME

    data = {"topic": str(topic.pk), "title": "Thời hạn cấp sổ đỏ", "content": "Xin hỏi thời hạn?"}
    page = post_form(client, "/hoi-dap/gui-cau-hoi/", data, FORM_NAME).content.decode()
    match = CODE_RE.search(page)
    assert match, "no private code on the thank-you page"
    return Question.objects.latest("created_at"), match.group(1)


def open_page(client, reference: str, code: str):
    return client.post(URL, {"step": "open", "reference": reference, "code": code})


def token_of(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def published(question: Question) -> Question:
    question.answer = ANSWER
    moderation.apply(question, "answer")
    return moderation.apply(question, "publish")


def test_the_reference_and_code_show_what_is_held_and_log_the_access(client, qa_index, topic):
    question, code = submitted(client, topic)
    response = open_page(client, question.reference.lower(), code.replace("-", "").lower())
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert CONTACT["email"] in html and "Xin hỏi thời hạn?" in html and question.reference in html
    logged = DataRequest.objects.get()
    assert (logged.kind, logged.status, logged.reference) == (RequestKind.ACCESS, RequestStatus.DONE, question.reference)
    assert not any(value in str(vars(logged)) for value in contact_values())


def test_withdrawing_consent_erases_contacts_and_keeps_the_published_answer(client, qa_index, topic):
    question, code = submitted(client, topic)
    published(question)
    html = open_page(client, question.reference, code).content.decode()
    done = client.post(URL, {"step": "withdraw", "token": token_of(html)}).content.decode()
    question.refresh_from_db()
    assert (question.name, question.email, question.phone, question.address) == ("", "", "", "")
    assert question.consent_withdrawn_at is not None and question.contact_erased
    assert CONTACT["email"] not in done and "đã rút lại" in done
    assert QuestionPage.objects.get().live
    assert DataRequest.objects.filter(kind=RequestKind.WITHDRAW, status=RequestStatus.DONE).count() == 1


def test_a_deletion_request_is_logged_with_its_deadline_and_done_by_the_office(
        client, qa_index, topic, admin_client, settings):
    settings.PARTICIPATION_DELETION_DEADLINE_HOURS = 72
    question, code = submitted(client, topic)
    published(question)
    html = open_page(client, question.reference, code).content.decode()
    client.post(URL, {"step": "delete", "token": token_of(html)})
    client.post(URL, {"step": "delete", "token": token_of(html)})  # a second press: still one request
    request = DataRequest.objects.get(kind=RequestKind.DELETE)
    assert request.status == RequestStatus.OPEN
    assert timedelta(hours=71) < request.due_at - request.received_at <= timedelta(hours=72)
    assert Question.objects.get().email == ""  # contacts go at once; the rest waits for the office
    listing = admin_client.get("/admin/personal_data_requests/").content.decode()
    assert question.reference in listing
    DataRequest.objects.filter(pk=request.pk).update(due_at=timezone.now() - timedelta(hours=1))
    assert "Quá hạn" in admin_client.get("/admin/personal_data_requests/").content.decode()
    response = admin_client.post(f"/admin/personal_data_requests/edit/{request.pk}/", {"status": "done", "note": ""})
    assert response.status_code == 302
    assert not Question.objects.exists() and not QuestionPage.objects.exists()
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE and request.handled_at is not None


def test_a_wrong_code_or_unknown_reference_is_refused_alike(client, qa_index, topic):
    question, code = submitted(client, topic)
    wrong = open_page(client, question.reference, "ABCDE-FGHJK")
    unknown = open_page(client, "HD-2026-ZZZZZZ", code)
    assert wrong.status_code == unknown.status_code == 400
    strip = lambda r: re.sub(r'value="[^"]*"', "", r.content.decode())  # noqa: E731  (the echoed inputs differ)
    assert strip(wrong).replace(question.reference, "") == strip(unknown).replace("HD-2026-ZZZZZZ", "")
    assert CONTACT["email"] not in wrong.content.decode()
    assert client.post(URL, {"step": "withdraw", "token": "forged"}).status_code == 400
    assert Question.objects.get().email == CONTACT["email"] and not DataRequest.objects.exists()


def test_guessing_codes_is_rate_limited_per_reference_and_per_client(client, qa_index, topic, settings):
    settings.PARTICIPATION_RIGHTS_FAILURE_LIMIT = 3
    settings.PARTICIPATION_RIGHTS_CHECK_LIMIT = 100
    question, code = submitted(client, topic)
    for attempt in range(4):
        assert open_page(client, question.reference, f"AAAAA-AAAA{attempt}").status_code == 400
    # The reference is locked for this window: even its right code is refused, with the same message.
    assert open_page(client, question.reference, code).status_code == 400
    settings.PARTICIPATION_RIGHTS_CHECK_LIMIT = 5  # five checks made above
    limited = open_page(client, question.reference, code)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0


def test_the_receipt_mail_holds_the_code_and_the_queue_does_not(client, qa_index, topic, settings,
                                                                 django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = "smtp.example.vn"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        question, code = submitted(client, topic)
    queued = " ".join(str(vars(result)) for result in DBTaskResult.objects.all())
    assert code not in queued and CONTACT["email"] not in queued
    run_tasks()
    receipts = [m for m in mail.outbox if m.to == [CONTACT["email"]]]
    assert len(receipts) == 1 and code in receipts[0].body and question.reference in receipts[0].body


def test_without_the_permission_the_office_cannot_see_requests(client, qa_index, topic, django_user_model):
    user = django_user_model.objects.create_user("bientap", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/personal_data_requests/").status_code in (302, 403)


def test_the_office_is_told_of_a_deletion_request_and_its_deadline(client, qa_index, topic, settings,
                                                                  django_user_model, django_capture_on_commit_callbacks):
    settings.EMAIL_HOST = "smtp.example.vn"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    django_user_model.objects.create_superuser("vanphong", email="vanphong@hdnd.example.vn", password="x")
    question, code = submitted(client, topic)
    html = open_page(client, question.reference, code).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"step": "delete", "token": token_of(html)})
    run_tasks()
    notices = [m for m in mail.outbox if m.to == ["vanphong@hdnd.example.vn"] and question.reference in m.subject]
    assert len(notices) == 1 and "Hạn xử lý" in notices[0].body
    assert not any(value in notices[0].body for value in contact_values())
