"""/hoi-dap/: the published questions (search, lĩnh vực filter) and the form to send one."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from loa.core.pagination import paginate
from loa.core.params import query_param
from loa.core.text import fold, search_words
from loa.participation import conf as participation_conf
from loa.participation.references import save_with_reference
from loa.participation.views import serve_form

from .forms import FORM_NAME, QuestionForm
from .notices import queue_notice
from .records import Question, Topic

REFERENCE_PREFIX = "HD"
REFERENCE_RE = re.compile(rf"^{REFERENCE_PREFIX}-\d{{4}}-[0-9A-Z]{{6}}$", re.IGNORECASE)


def question_list(request: HttpRequest, index) -> HttpResponse:
    query = query_param(request, "q", 200)
    topic_slug = query_param(request, "linh-vuc", 100)
    topic = Topic.objects.filter(slug=topic_slug).first() if topic_slug else None
    questions = index.published_questions()
    if topic is not None:
        questions = questions.filter(topic=topic)
    if REFERENCE_RE.match(query):  # a reference number finds its question exactly, whatever the search engine
        questions = questions.filter(reference__iexact=query)
    elif words := search_words(fold(query)):
        questions = questions.search(words, operator="and", order_by_relevance=True)
    extra = {k: v for k, v in (("q", query), ("linh-vuc", topic.slug if topic else "")) if v}
    return TemplateResponse(request, "questions/question_index_page.html", {
        "page": index, "self": index,
        "questions": paginate(request, questions),
        "topics": Topic.objects.all(),
        "topic": topic,
        "search_query": query,
        "unknown_topic": bool(topic_slug) and topic is None,
        "extra_query": urlencode(extra),
    })


def ask_question(request: HttpRequest, index) -> HttpResponse:
    def accept(form: QuestionForm) -> Question:
        data = form.cleaned_data
        question = Question(**form.contact_values(), title=data["title"], content=data["content"],
                            topic=data["topic"], consent_at=timezone.now())
        save_with_reference(question, REFERENCE_PREFIX)
        queue_notice(question, "received")
        return question

    context = {
        "page": index, "self": index,
        "retention_days": participation_conf.get("PARTICIPATION_CONTACT_RETENTION_DAYS"),
    }
    return serve_form(request, QuestionForm, FORM_NAME, "questions/ask.html", context, accept, "questions/thanks.html")
