"""/hoi-dap/?q=: visitors' search syntax never reaches the search backend (SQLite here, PostgreSQL in
`make test-postgres`); quoted words still find the question."""
from __future__ import annotations

import pytest

from loa.core.tests.hostile_input import SEARCH_SYNTAX
from loa.questions import moderation
from loa.readaloud.tests.helpers import run_tasks

from .test_moderation import ANSWER, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client, qa_index, topic):
    question = submit(client, topic, title="Ngân sách xã năm 2025")
    question.answer = ANSWER
    moderation.apply(question, "answer")
    moderation.apply(question, "publish")
    run_tasks()
    return question


def test_search_syntax_from_visitors_is_never_an_error(client, published):
    failures = [(query, status) for query in SEARCH_SYNTAX + ['"ngan sach', "ngan sach)"]
                if (status := client.get("/hoi-dap/", {"q": query}).status_code) != 200]
    assert failures == []


def test_quoted_words_still_find_the_question(client, published):
    for query in ('"ngân sách', '"ngan sach"', "(ngân sách)"):
        assert "Ngân sách xã năm 2025" in client.get("/hoi-dap/", {"q": query}).content.decode(), query
