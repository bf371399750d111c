"""The anti-spam guard and the text cleaning shared by every citizens' form."""
from __future__ import annotations

import time

from django.core import signing
from django.test import RequestFactory

from loa.core.tabular import neutralize
from loa.participation import guard
from loa.participation.forms import CitizenForm, clean_text


def test_token_timing_rules(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3
    settings.PARTICIPATION_FORM_MAX_AGE = 3600
    fresh = guard.issue_token("question")
    assert guard.check_submission({"form_token": fresh}, "question").code == "too-fast"
    ok = guard.issue_token("question", now=time.time() - 10)
    assert guard.check_submission({"form_token": ok}, "question") is None
    old = guard.issue_token("question", now=time.time() - 3700)
    assert guard.check_submission({"form_token": old}, "question").code == "expired"


def test_forged_foreign_and_missing_tokens_are_refused():
    ok = guard.issue_token("question", now=time.time() - 10)
    assert guard.check_submission({"form_token": ok}, "draft-comment").code == "bad-token"  # another form's
    assert guard.check_submission({"form_token": ok[:-2] + "xx"}, "question").code == "bad-token"
    assert guard.check_submission({}, "question").code == "bad-token"
    forged = signing.dumps({"f": "question", "t": time.time() - 10, "n": "x"}, salt="another-salt")
    assert guard.check_submission({"form_token": forged}, "question").code == "bad-token"


def test_honeypot_wins_over_a_valid_token():
    ok = guard.issue_token("question", now=time.time() - 10)
    refusal = guard.check_submission({"form_token": ok, "website": "http://spam.example"}, "question")
    assert refusal.code == "honeypot" and "tự động" in refusal.message


def test_a_token_is_spent_once(db):
    from django.core.cache import caches

    caches["limits"].clear()
    data = {"form_token": guard.issue_token("question", now=time.time() - 10)}
    assert guard.spend_token(data, "question") is True
    assert guard.spend_token(data, "question") is False
    assert guard.check_submission(data, "question").code == "replayed"


def test_rate_limit_counts_per_client_and_says_when(db, settings):
    from django.core.cache import caches

    caches["limits"].clear()
    settings.PARTICIPATION_RATE_LIMIT = 3
    settings.PARTICIPATION_RATE_WINDOW = 600
    factory = RequestFactory()
    one = factory.post("/", REMOTE_ADDR="203.0.113.7")
    other = factory.post("/", REMOTE_ADDR="203.0.113.8")
    assert [guard.check_rate(one) for _ in range(3)] == [None, None, None]
    refused = guard.check_rate(one)
    assert refused.status == 429 and refused.retry_after > 0 and "phút" in refused.message
    assert guard.check_rate(other) is None
    from loa.core.models import LimitCounter

    keys = list(LimitCounter.objects.values_list("key", flat=True))  # the limiter's store without Redis
    assert keys and not any("203.0.113" in key for key in keys)  # hashed, never the address


def test_clean_text_removes_control_and_bidi_characters():
    assert clean_text("  Hội\x00 đồng\u202e  nhân\tdân ") == "Hội đồng nhân dân"
    assert clean_text("a\r\n\r\n\r\n\r\nb \n", multiline=True) == "a\n\nb"
    # NFC: a decomposed "ộ" becomes the precomposed one.
    assert clean_text("Ho\u0323\u0302i") == "H\u1ed9i"


class Sample(CitizenForm):
    pass


def test_citizen_form_messages_are_vietnamese():
    form = Sample({"name": "\u200b ", "email": "khong-phai-email", "phone": "abc", "consent": ""})
    assert not form.is_valid()
    assert "Vui lòng nhập họ và tên." in form.errors["name"]
    assert "không đúng dạng" in form.errors["email"][0]
    assert "chữ số" in form.errors["phone"][0]
    assert "đồng ý" in form.errors["consent"][0]
    long = Sample({"name": "x" * 101, "consent": "on"})
    assert not long.is_valid() and "tối đa 100 ký tự (hiện có 101 ký tự)" in long.errors["name"][0]


def test_spreadsheet_formulas_are_neutralized():
    assert neutralize("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert neutralize("+84 912") == "'+84 912"
    assert neutralize("@SUM(A1)") == "'@SUM(A1)"
    assert neutralize("Bình thường") == "Bình thường"
    assert neutralize(42) == 42
