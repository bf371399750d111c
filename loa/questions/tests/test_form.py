"""The public question form over HTTP (Django's test client through the whole middleware stack)."""
from __future__ import annotations

import pytest

from loa.participation.tests.helpers import CONTACT, csrf_client, post_form, token_from
from loa.questions.forms import FORM_NAME
from loa.questions.models import Question

URL = "/hoi-dap/gui-cau-hoi/"
XSS = '<script>window.__xss=1</script><img src=x onerror="alert(1)">'


def question_data(topic_obj, **changes) -> dict:
    return {"topic": str(topic_obj.pk), "title": "Thời hạn cấp sổ đỏ", "content": "Xin hỏi thời hạn giải quyết hồ sơ?",
            **changes}


def test_the_form_page_is_never_cached_and_has_labels(client, qa_index, topic):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    for field in ("name", "email", "phone", "address", "topic", "title", "content", "consent"):
        assert f'for="id_{field}"' in html
    assert "Nghị định số 13/2023/NĐ-CP" in html and "không bao giờ" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="form_token"' in html


def test_an_accepted_question_is_stored_and_thanked_with_its_reference(client, qa_index, topic):
    response = post_form(client, URL, question_data(topic), FORM_NAME)
    assert response.status_code == 200
    question = Question.objects.get()
    html = response.content.decode()
    assert "Cảm ơn bạn, câu hỏi đã được nhận" in html and question.reference in html
    assert question.reference.startswith("HD-") and len(question.reference) == len("HD-2026-ABCDEF")
    assert (question.name, question.email, question.phone, question.address) == (
        CONTACT["name"], CONTACT["email"], CONTACT["phone"], CONTACT["address"])
    assert question.status == "received" and question.consent_at is not None
    assert "no-store" in response["Cache-Control"]
    for value in CONTACT.values():
        assert value not in html


@pytest.mark.parametrize("change, code, status", [
    ({"website": "http://spam.example"}, "tự động", 400),
    ({"form_token": "forged"}, "không hợp lệ", 400),
    ({"consent": ""}, "đồng ý xử lý dữ liệu", 400),
    ({"content": "x" * 5001}, "tối đa 5.000 ký tự (hiện có 5001 ký tự)", 400),
    ({"title": "y" * 201}, "tối đa 200 ký tự", 400),
    ({"email": "not-an-address"}, "không đúng dạng", 400),
    ({"topic": "999999"}, "Lĩnh vực đã chọn không có", 400),
])
def test_refused_submissions_store_nothing_and_keep_the_text(client, qa_index, topic, change, code, status):
    data = question_data(topic, **{k: v for k, v in change.items() if k != "form_token"})
    if "form_token" in change:
        data["form_token"] = change["form_token"]
    response = post_form(client, URL, data, FORM_NAME) if "form_token" not in change else client.post(
        URL, {"website": "", "consent": "on", **CONTACT, **data})
    assert response.status_code == status
    html = response.content.decode()
    assert code in html and 'role="alert"' in html
    assert Question.objects.count() == 0
    assert "Thời hạn cấp sổ đỏ" in html or "y" * 201 in html  # what was typed is still in the form


def test_a_too_fast_submission_is_refused_then_accepted_with_the_same_token(client, qa_index, topic, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3
    response = post_form(client, URL, question_data(topic), FORM_NAME, age=0.5)
    assert response.status_code == 400 and "quá nhanh" in response.content.decode()
    assert Question.objects.count() == 0
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0  # instead of waiting: the re-shown form kept its token
    token = token_from(response.content.decode())
    again = client.post(URL, {"website": "", "consent": "on", **CONTACT, **question_data(topic), "form_token": token})
    assert again.status_code == 200 and Question.objects.count() == 1


def test_the_same_form_is_accepted_once(client, qa_index, topic):
    data = {"website": "", "consent": "on", **CONTACT, **question_data(topic)}
    from loa.participation.tests.helpers import aged_token

    data["form_token"] = aged_token(FORM_NAME)
    assert client.post(URL, data).status_code == 200
    second = client.post(URL, data)
    assert second.status_code == 400 and "đã được gửi" in second.content.decode()
    assert Question.objects.count() == 1


def test_twenty_submissions_a_minute_from_one_client(client, qa_index, topic, settings):
    settings.PARTICIPATION_RATE_LIMIT = 10
    statuses = [post_form(client, URL, question_data(topic, title=f"Câu hỏi {i}"), FORM_NAME).status_code
                for i in range(20)]
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429] * 10
    assert Question.objects.count() == 10
    refused = post_form(client, URL, question_data(topic), FORM_NAME)
    assert "quá nhiều lần" in refused.content.decode() and int(refused["Retry-After"]) > 0
    other = post_form(client, URL, question_data(topic), FORM_NAME, REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 200


def test_html_and_script_in_every_field_are_stored_as_text_and_shown_escaped(client, qa_index, topic):
    data = question_data(topic, name=XSS[:100], address=XSS, title=XSS[:200], content=XSS)
    response = post_form(client, URL, {**data, "email": "", "phone": ""}, FORM_NAME)
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.content == XSS  # kept as typed: it is text
    rejected = post_form(client, URL, {**data, "email": XSS, "phone": XSS}, FORM_NAME)
    assert rejected.status_code == 400 and "<script>window.__xss" not in rejected.content.decode()
    assert "&lt;script&gt;" in rejected.content.decode()
    assert Question.objects.count() == 1


def test_csrf_stays_on_and_works_when_the_page_cache_is_on(qa_index, topic, settings):
    settings.LOA_PAGE_CACHE_SECONDS = 60
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    first, second = csrf_client(), csrf_client()
    pages = [c.get(URL) for c in (first, second)]
    assert all(p.get("X-Loa-Cache") is None for p in pages)  # never stored, never served from the cache
    tokens = [token_from(p.content.decode()) for p in pages]
    assert tokens[0] != tokens[1]
    for browser, page, token in zip((first, second), pages, tokens, strict=True):
        csrf = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        response = browser.post(URL, {"csrfmiddlewaretoken": csrf, "form_token": token, "website": "", "consent": "on",
                                      **CONTACT, **question_data(topic)})
        assert response.status_code == 200
    assert Question.objects.count() == 2
    without = csrf_client().post(URL, {"form_token": tokens[0], **CONTACT, **question_data(topic)})
    assert without.status_code == 403 and Question.objects.count() == 2
