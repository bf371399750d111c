"""/du-lieu-ca-nhan/: a citizen opens what they sent with its reference and private code, sees what is
held, withdraws consent or asks for deletion. Never cached; every refusal says the same thing."""
from __future__ import annotations

import logging
import math

from django import forms
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from . import access, rights
from .forms import clean_text
from .submissions import CitizenSubmission, kind_of, registered

logger = logging.getLogger(__name__)

TEMPLATE = "participation/rights/page.html"
_TOKEN_SALT = "loa.participation.rights-session"
TOKEN_MAX_AGE = 30 * 60
NOT_FOUND = ("Không mở được: mã số hoặc mã riêng không đúng. Hãy kiểm tra lại hai mã trong trang cảm ơn "
             "hoặc thư điện tử bạn đã nhận.")
EXPIRED = "Phiên xem dữ liệu đã hết hạn (sau 30 phút). Vui lòng nhập lại mã số và mã riêng."


class OpenForm(forms.Form):
    reference = forms.CharField(label="Mã số", max_length=20, help_text="Ví dụ: HD-2026-7KQ2M9.",
                                error_messages={"required": "Vui lòng nhập mã số."},
                                widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    code = forms.CharField(label="Mã riêng", max_length=20, help_text="Mười ký tự, ví dụ: 4F7KP-2QXM9.",
                           error_messages={"required": "Vui lòng nhập mã riêng."},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))

    def clean_reference(self) -> str:
        return clean_text(self.cleaned_data["reference"]).upper()


def _page(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    response = render(request, TEMPLATE, context, status=status)
    add_never_cache_headers(response)
    return response


def _token(submission: CitizenSubmission) -> str:
    return signing.dumps({"k": kind_of(submission), "r": submission.reference}, salt=_TOKEN_SALT)


def _from_token(token: str) -> CitizenSubmission | None:
    try:
        data = signing.loads(token or "", salt=_TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    model = registered().get(data.get("k")) if isinstance(data, dict) else None
    return model.objects.filter(reference=data.get("r")).first() if model else None


def _shown(request: HttpRequest, submission: CitizenSubmission, done: str = "") -> HttpResponse:
    return _page(request, {"submission": submission, "token": _token(submission), "done": done,
                           "requests": rights.requests_for(submission)})


def personal_data(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, {"form": OpenForm()})
    step = request.POST.get("step", "open")
    if step in ("withdraw", "delete"):
        submission = _from_token(request.POST.get("token", ""))
        if submission is None:
            return _page(request, {"form": OpenForm(), "refusal": EXPIRED}, status=400)
        if step == "withdraw":
            rights.withdraw_consent(submission)
        else:
            rights.request_deletion(submission)
        logger.info("participation: citizen's %s request (%s)", step, kind_of(submission))
        return _shown(request, submission, done=step)
    form = OpenForm(request.POST)
    retry = access.checks_left(request)
    if retry is not None:
        minutes = max(1, math.ceil(retry / 60))
        response = _page(request, {"form": form, "refusal": f"Bạn đã thử quá nhiều lần. Vui lòng thử lại sau "
                                                            f"khoảng {minutes} phút."}, status=429)
        response["Retry-After"] = str(retry)
        return response
    if not form.is_valid():
        return _page(request, {"form": form}, status=400)
    reference, code = form.cleaned_data["reference"], form.cleaned_data["code"]
    submission = None if access.reference_locked(reference) else access.open_submission(reference, code)
    if submission is None:
        access.count_failure(reference)
        logger.info("participation: personal-data check refused")
        return _page(request, {"form": form, "refusal": NOT_FOUND}, status=400)
    rights.record_access(submission)
    return _shown(request, submission)
