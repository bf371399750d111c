import pytest
from django.test import override_settings

from loa.core.cache import CACHE_HEADER, bump_content_version, content_version
from loa.pages.tests.factories import make_article, make_category, make_home


@pytest.fixture
def category(db):
    return make_category(make_home())

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    from django.core.cache import cache

    settings.LOA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_anonymous_pages_are_cached_and_invalidated_on_publish(client, category, page_cache):
    article = make_article(category, title="Bản đầu")
    assert client.get(article.url)[CACHE_HEADER] == "miss"
    assert client.get(article.url)[CACHE_HEADER] == "hit"
    article.title = "Bản sửa"
    article.save_revision().publish()
    response = client.get(article.url)
    assert response[CACHE_HEADER] == "miss" and "Bản sửa" in response.content.decode()


def test_logged_in_users_and_other_urls_bypass_the_cache(client, category, page_cache, django_user_model):
    article = make_article(category)
    user = django_user_model.objects.create_superuser("bt", password="x")
    client.force_login(user)
    assert CACHE_HEADER not in client.get(article.url)
    client.logout()
    assert CACHE_HEADER not in client.get("/ads/1/click")
    assert CACHE_HEADER not in client.post(article.url)


def test_content_version_changes_on_every_bump():
    before = content_version()
    bump_content_version()
    middle = content_version()
    bump_content_version()
    assert before < middle < content_version()


@override_settings(LOA_PAGE_CACHE_SECONDS=0)
def test_cache_can_be_disabled(client, category):
    article = make_article(category)
    assert CACHE_HEADER not in client.get(article.url)


def test_unknown_query_parameters_share_the_cached_page(client, category, page_cache):
    article = make_article(category, title="Bài được lưu")
    assert client.get(article.url)[CACHE_HEADER] == "miss"
    for n in range(5):  # a crawl of random query strings: every one is the cached page
        response = client.get(article.url, {"x": n, "utm_source": "zalo", "fbclid": "IwAR0" * n})
        assert response[CACHE_HEADER] == "hit" and "Bài được lưu" in response.content.decode()


def test_the_parameters_pages_read_are_kept_in_the_key(client, category, page_cache, settings):
    assert set(settings.LOA_PAGE_CACHE_QUERY_PARAMS) >= {"page", "q", "tag"}
    for n in range(12):
        make_article(category, title=f"Tin số {n:02d}")
    first = client.get("/", {"page": 2})
    assert first[CACHE_HEADER] == "miss"
    assert client.get("/", {"page": 2, "x": 1})[CACHE_HEADER] == "hit"
    assert client.get("/", {"page": 1})[CACHE_HEADER] == "miss"
    assert client.get("/tim-kiem/", {"q": "tin", "page": 2})[CACHE_HEADER] == "miss"
    assert client.get("/tim-kiem/?page=2&q=tin&ref=x")[CACHE_HEADER] == "hit"  # order and extras do not matter
    assert client.get("/tim-kiem/", {"q": "khac"})[CACHE_HEADER] == "miss"


def test_keys_stay_short_whatever_the_url_carries(rf):
    from loa.core.cache import cache_key

    scanner = rf.get("/van-ban/", {"q": "default/" + "../" * 400 + "etc/passwd\x00", "page": "9" * 300})
    short = rf.get("/van-ban/", {"q": "ngân sách"})
    assert len(cache_key(scanner)) < 80 and len(cache_key(short)) < 80
    assert cache_key(scanner) != cache_key(short)
    assert cache_key(rf.get("/van-ban/", {"q": "ngân sách", "utm": "x"})) == cache_key(short)
