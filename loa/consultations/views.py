"""A draft's page: the text, the player and, while open, the comment form."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from loa.core.cache import limit_cache_lifetime
from loa.participation import conf as participation_conf
from loa.participation.references import save_with_reference
from loa.participation.views import serve_form

from .comments import FORM_NAME, REFERENCE_PREFIX, CommentForm, queue_comment_notice
from .records import DraftComment

TEMPLATE = "consultations/draft_page.html"


def serve_draft(request: HttpRequest, draft) -> HttpResponse:
    now = timezone.now()
    context = {"page": draft, "self": draft, "state": draft.state(now),
               "retention_days": participation_conf.get("PARTICIPATION_CONTACT_RETENTION_DAYS")}
    if draft.is_open(now):
        def accept(form: CommentForm) -> DraftComment:
            comment = DraftComment(draft=draft, **form.contact_values(), section=form.cleaned_data["section"],
                                   content=form.cleaned_data["content"], consent_at=timezone.now())
            save_with_reference(comment, REFERENCE_PREFIX)
            queue_comment_notice(comment)
            return comment

        return serve_form(request, CommentForm, FORM_NAME, TEMPLATE, context, accept,
                          "consultations/thanks.html")
    status = 200
    if request.method == "POST":
        status = 403  # the deadline passed (or has not come) while the page was open: nothing is stored
        context["late_submission"] = True
    else:
        limit_cache_lifetime(request, draft.next_change(now))
    return render(request, TEMPLATE, context, status=status)
