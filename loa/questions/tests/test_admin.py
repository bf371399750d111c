"""The moderation admin: steps through the edit form, contact details and export by permission."""
from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission

from loa.participation.tests.helpers import CONTACT, post_form
from loa.questions.forms import FORM_NAME
from loa.questions.models import Question, QuestionPage


@pytest.fixture
def question(client, qa_index, topic):
    data = {"topic": str(topic.pk), "title": "=HYPERLINK(\"http://evil.example\")", "content": "Nội dung câu hỏi."}
    assert post_form(client, "/hoi-dap/gui-cau-hoi/", data, FORM_NAME).status_code == 200
    return Question.objects.get()


def moderator(django_user_model, personal: bool):
    group = Group.objects.create(name=f"Tiếp nhận {personal}")
    codenames = ["change_question", "delete_question"] + (["view_personal_data"] if personal else [])
    group.permissions.add(Permission.objects.get(codename="access_admin"),
                          *Permission.objects.filter(content_type__app_label="questions", codename__in=codenames))
    user = django_user_model.objects.create_user(f"mod{int(personal)}", password="x")
    user.groups.add(group)
    return user


def edit_data(question, **changes) -> dict:
    data = {"topic": str(question.topic_id or ""), "committee": str(question.committee_id or ""),
            "public_title": question.public_title, "public_content": question.public_content,
            "answer": '{"blocks": [], "entityMap": {}}', "rejection_reason": question.rejection_reason,
            "action": ""}
    data.update(changes)
    return data


def draftail(text: str) -> str:
    import json

    return json.dumps({"blocks": [{"key": "a1b2c", "text": text, "type": "unstyled", "depth": 0,
                                   "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}})


@pytest.mark.parametrize("personal", [True, False])
def test_contact_details_show_only_with_the_permission(client, question, django_user_model, personal):
    client.force_login(moderator(django_user_model, personal))
    listing = client.get("/admin/questions/")
    assert listing.status_code == 200 and question.reference in listing.content.decode()
    html = client.get(f"/admin/questions/edit/{question.pk}/").content.decode()
    assert question.content in html
    assert (CONTACT["email"] in html) is personal and (CONTACT["phone"] in html) is personal
    exported = client.get("/admin/questions/", {"export": "csv"})
    body = b"".join(exported.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][0] == "Mã số" and rows[1][0] == question.reference
    assert (CONTACT["email"] in body) is personal and (CONTACT["address"] in body) is personal
    assert "'=HYPERLINK" in body  # a formula typed by a citizen does not run in a spreadsheet
    assert client.get("/admin/questions/new/").status_code == 404


def test_a_moderator_assigns_answers_and_publishes_from_the_edit_form(client, question, committee, django_user_model):
    user = moderator(django_user_model, personal=False)
    client.force_login(user)
    url = f"/admin/questions/edit/{question.pk}/"
    missing = client.post(url, edit_data(question, action="assign"))
    assert missing.status_code == 200 and "Chọn ban được giao" in missing.content.decode()
    assert Question.objects.get().status == "received"
    assert client.post(url, edit_data(question, committee=str(committee.pk), action="assign")).status_code == 302
    assert Question.objects.get().status == "assigned"
    publish_too_early = client.post(url, edit_data(Question.objects.get(), action="publish"))
    assert publish_too_early.status_code == 200 and Question.objects.get().status == "assigned"
    answered = edit_data(Question.objects.get(), answer=draftail("Trả lời: thời hạn 20 ngày."), action="answer",
                         public_title="Thời hạn cấp sổ đỏ")
    assert client.post(url, answered).status_code == 302
    stored = Question.objects.get()
    assert stored.status == "answered" and stored.answered_by == user and "20 ngày" in stored.answer
    published = client.post(url, edit_data(stored, answer=draftail("Trả lời: thời hạn 20 ngày."), action="publish"))
    assert published.status_code == 302, published.content.decode()[-3000:]
    page = QuestionPage.objects.get()
    assert page.live and page.title == "Thời hạn cấp sổ đỏ" and Question.objects.get().status == "published"
    assert "Bạn không có quyền" not in client.get(published["Location"]).content.decode()
    withdrawn = client.post(url, edit_data(Question.objects.get(), answer=draftail("Trả lời."), action="withdraw"))
    assert withdrawn.status_code == 302 and not QuestionPage.objects.get().live
