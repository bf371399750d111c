"""Search with hostile input on every backend (SQLite FTS5 here, PostgreSQL with `make test-postgres`):
the public search page and the API v2 searches answer 200, never a database error."""
from __future__ import annotations

import pytest
from django.db import connection
from wagtail.search import index as search_index

from loa.core.tests.hostile_input import SEARCH_SYNTAX as SYNTAX

from .factories import make_article, paragraph

pytestmark = pytest.mark.django_db

URLS = [("/tim-kiem/", "q"), ("/api/v2/pages/", "search"), ("/api/v2/images/", "search")]


@pytest.fixture
def indexed(category):
    article = make_article(category, title="Kỳ họp Hội đồng nhân dân tỉnh",
                           body=[paragraph('<p>Đại biểu "chất vấn" về đất đai (năm 2025).</p>')])
    search_index.insert_or_update_object(article)
    return article


def test_search_syntax_from_visitors_is_never_an_error(client, indexed):
    failures = [(url, query, status) for query in SYNTAX for url, name in URLS
                if (status := client.get(url, {name: query}).status_code) != 200]
    assert failures == [], connection.vendor


def test_quoted_words_still_find_the_article(client, indexed):
    for query in ('"hội đồng"', '"hội', '"đất đai" (2025)', "chất vấn*"):
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert "Kỳ họp Hội đồng nhân dân tỉnh" in html, query
    found = client.get("/api/v2/pages/", {"search": '"Kỳ họp"', "type": "pages.ArticlePage"}).json()
    assert found["meta"]["total_count"] == 1


def test_a_database_error_in_search_is_an_empty_result_not_a_500(client, indexed):
    """The search index table is gone (renamed inside the test's transaction): no results, no error page."""
    table = connection.ops.quote_name("wagtailsearch_indexentry")
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {connection.ops.quote_name('loa_gone')}")
    response = client.get("/tim-kiem/", {"q": "hội đồng"})
    assert response.status_code == 200
    assert "Không tìm thấy tin bài nào" in response.content.decode()
    api = client.get("/api/v2/pages/", {"search": "hội đồng"})
    assert api.status_code == 200 and api.json() == {"meta": {"total_count": 0}, "items": []}
    # The connection is still usable after the failed search (PostgreSQL aborts the transaction otherwise).
    assert client.get("/").status_code == 200
