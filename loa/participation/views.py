"""One way to serve every citizens' form: GET shows it, POST checks the guard, validates, stores, thanks."""
from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from .forms import CitizenForm
from .guard import (
    HONEYPOT_FIELD,
    TOKEN_FIELD,
    Refusal,
    check_rate,
    check_submission,
    issue_token,
    spend_token,
    token_still_usable,
)
from .notify import mail_enabled
from .submissions import CitizenSubmission, kind_of

logger = logging.getLogger(__name__)

REPLAYED = Refusal("replayed", "Nội dung này đã được gửi và tiếp nhận rồi; mỗi lần gửi chỉ được nhận một lần.")


def _private(response: HttpResponse) -> HttpResponse:
    """Pages holding a CSRF token (and a form token) are never stored by the page cache or a proxy."""
    add_never_cache_headers(response)  # "max-age=0, no-cache, no-store, must-revalidate, private"
    return response


def queue_receipt(received: object) -> None:
    """Mail the reference and private code to a citizen who left an address (once committed)."""
    if not (isinstance(received, CitizenSubmission) and received.email and mail_enabled()):
        return
    from .tasks import send_receipt

    kind, pk = kind_of(received), received.pk
    transaction.on_commit(lambda: send_receipt.enqueue(kind, pk))


def _reshown_data(request: HttpRequest, form_name: str):
    data = request.POST.copy()
    if not token_still_usable(data.get(TOKEN_FIELD, ""), form_name):
        data[TOKEN_FIELD] = issue_token(form_name)
    data[HONEYPOT_FIELD] = ""
    return data


def serve_form(
    request: HttpRequest,
    form_class: type[CitizenForm],
    form_name: str,
    template: str,
    context: dict,
    accept: Callable[[CitizenForm], object],
    thanks_template: str,
) -> HttpResponse:
    """`accept(form)` stores a valid submission and returns what the thank-you template shows as `received`."""
    status = 200
    refusal = None
    if request.method == "POST":
        refusal = check_rate(request) or check_submission(request.POST, form_name)
        if refusal is not None:
            form = form_class(initial=_reshown_data(request, form_name).dict())
        else:
            form = form_class(_reshown_data(request, form_name))
            if form.is_valid():
                if not spend_token(request.POST, form_name):
                    refusal = REPLAYED
                else:
                    received = accept(form)
                    queue_receipt(received)
                    logger.info("participation: %s accepted (%s)", form_name, getattr(received, "reference", ""))
                    return _private(render(request, thanks_template, {**context, "received": received}))
        status = refusal.status if refusal else 400
        if refusal is not None:
            logger.info("participation: %s refused (%s)", form_name, refusal.code)
    else:
        form = form_class(initial={TOKEN_FIELD: issue_token(form_name)})
    response = render(request, template, {**context, "form": form, "refusal": refusal}, status=status)
    if refusal is not None and refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return _private(response)
