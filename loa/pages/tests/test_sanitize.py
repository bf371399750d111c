"""The rich-text sanitizer's link rules: no backslash tricks, no unparsable URLs, only short ASCII-digit ids."""
import pytest

from loa.core.sanitize import sanitize_html

from .factories import make_article, paragraph


@pytest.mark.parametrize("href", [
    "/\\evil.example",  # browsers read "/\" as "//": a link to another site
    "\\\\evil.example",
    "https:\\\\evil.example",
    "/tin-tuc\\..\\x",
])
def test_backslashes_in_hrefs_are_refused(href):
    assert sanitize_html(f'<p><a href="{href}">liên kết</a></p>') == "<p><a>liên kết</a></p>"


@pytest.mark.parametrize("href", ["http://[::1", "http://[::1]:99999/", "https://example.vn:port/"])
def test_unparsable_hrefs_are_dropped_not_raised(href):
    assert sanitize_html(f'<a href="{href}">x</a>') == "<a>x</a>"


@pytest.mark.parametrize("link_id", ["²", "١٢", "1" * 23, "1" * 10, "-1", "1.0", " 1", ""])
def test_internal_link_ids_must_be_short_ascii_digits(link_id):
    assert sanitize_html(f'<a linktype="page" id="{link_id}">x</a>') == "<a>x</a>"


def test_good_links_are_kept():
    markup = ('<a linktype="page" id="42">trang</a> <a linktype="document" id="7">tệp</a> '
              '<a href="https://vbpl.vn/tra-cuu?x=1">ngoài</a> <a href="/tin-tuc/">trong</a> '
              '<a href="mailto:hdnd@example.vn">thư</a> <a href="http://[::1]:8000/">ip</a>')
    assert sanitize_html(markup) == markup


@pytest.mark.django_db
def test_an_article_with_hostile_links_saves_and_renders(client, category):
    body = [paragraph('<p><a href="http://[::1">a</a> <a linktype="page" id="²">b</a> '
                      f'<a linktype="page" id="{"9" * 23}">c</a> <a href="/\\evil.example">d</a></p>')]
    article = make_article(category, title="Tin có liên kết lạ", body=body)
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "evil.example" not in html and "[::1" not in html
