"""Anti-spam for the public forms, without any third-party service.

- a per-client limit on submissions (loa.core.ratelimit: shared by every process, hashed keys);
- a signed form token holding the time the form was served and a random nonce: a form sent
  sooner than PARTICIPATION_MIN_FILL_SECONDS, later than PARTICIPATION_FORM_MAX_AGE, with a
  forged token, or a second time (the nonce is spent on acceptance) is refused;
- a honeypot field that people never see (hidden by the stylesheet) and bots fill in.

A refused submission stores nothing; the form is shown again with the visitor's text and a
clear message, so nothing typed is lost.
"""
from __future__ import annotations

import math
import secrets
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest

from loa.core.ratelimit import client_over_limit

from . import conf

TOKEN_FIELD = "form_token"
HONEYPOT_FIELD = "website"
_SALT = "loa.participation.form-token"
_SPENT_PREFIX = "loa:form-spent:"
LIMIT_SCOPE = "participation-submit"


@dataclass(frozen=True)
class Refusal:
    """Why a submission was refused: a code for tests and logs, a message for the visitor, an HTTP status."""

    code: str
    message: str
    status: int = 400
    retry_after: int | None = None


def issue_token(form_name: str, now: float | None = None) -> str:
    issued = time.time() if now is None else now
    return signing.dumps({"f": form_name, "t": round(issued, 3), "n": secrets.token_urlsafe(12)}, salt=_SALT)


def _read_token(token: str, form_name: str) -> dict | None:
    try:
        data = signing.loads(token or "", salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("f") != form_name or not isinstance(data.get("t"), (int, float)):
        return None
    return data


def token_still_usable(token: str, form_name: str) -> bool:
    """Whether a re-shown form may keep its token (so fixing one field does not restart the clock)."""
    data = _read_token(token, form_name)
    return data is not None and time.time() - data["t"] < int(conf.get("PARTICIPATION_FORM_MAX_AGE")) / 2


def check_rate(request: HttpRequest) -> Refusal | None:
    retry = client_over_limit(request, LIMIT_SCOPE, int(conf.get("PARTICIPATION_RATE_LIMIT")),
                              int(conf.get("PARTICIPATION_RATE_WINDOW")))
    if retry is None:
        return None
    minutes = max(1, math.ceil(retry / 60))
    return Refusal(
        "rate-limited",
        f"Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau khoảng {minutes} phút. "
        "Nội dung bạn đã nhập vẫn còn trong biểu mẫu.",
        status=429, retry_after=retry,
    )


def check_submission(data, form_name: str) -> Refusal | None:
    """The token and honeypot checks of a POST (before the form's own validation)."""
    if (data.get(HONEYPOT_FIELD) or "").strip():
        return Refusal(
            "honeypot",
            "Không thể nhận nội dung này vì biểu mẫu có dấu hiệu được điền tự động. "
            "Nếu bạn đang tự điền, vui lòng tải lại trang và gửi lại.",
        )
    token = _read_token(data.get(TOKEN_FIELD, ""), form_name)
    if token is None:
        return Refusal("bad-token", "Biểu mẫu không hợp lệ hoặc đã hết hạn. Nội dung bạn nhập vẫn còn, "
                                    "vui lòng kiểm tra rồi bấm gửi lại.")
    age = time.time() - token["t"]
    if age < float(conf.get("PARTICIPATION_MIN_FILL_SECONDS")):
        return Refusal("too-fast", "Biểu mẫu được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại "
                                   "nội dung rồi bấm gửi lại.")
    if age > int(conf.get("PARTICIPATION_FORM_MAX_AGE")):
        return Refusal("expired", "Biểu mẫu đã mở quá lâu nên đã hết hạn. Nội dung bạn nhập vẫn còn, "
                                  "vui lòng bấm gửi lại.")
    if caches["limits"].get(_SPENT_PREFIX + token["n"]) is not None:
        return Refusal("replayed", "Nội dung này đã được gửi và tiếp nhận rồi; mỗi lần gửi chỉ được nhận một lần.")
    return None


def spend_token(data, form_name: str) -> bool:
    """Mark an accepted form's token used; False if another request spent it first (a double submit)."""
    token = _read_token(data.get(TOKEN_FIELD, ""), form_name)
    if token is None:
        return False
    timeout = int(conf.get("PARTICIPATION_FORM_MAX_AGE")) + 60
    return caches["limits"].add(_SPENT_PREFIX + token["n"], 1, timeout=timeout)
