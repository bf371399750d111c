from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.search import index as search_index

from loa.pages.models import ArticlePage

from .factories import make_article, paragraph

pytestmark = pytest.mark.django_db


def test_home_lists_latest_articles_with_dates_and_summaries(client, category):
    now = timezone.now()
    make_article(category, title="Tin cũ", date=now - timedelta(days=3), summary="Tóm tắt tin cũ")
    make_article(category, title="Tin mới", date=now, summary="Tóm tắt tin mới")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Tin mới") < html.index("Tin cũ")
    assert "Tóm tắt tin cũ" in html
    assert now.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y") in html
    assert 'lang="vi"' in html
    assert "THỐNG KÊ TRUY CẬP" in html
    assert 'href="#main"' in html


def test_home_is_paginated(client, category):
    now = timezone.now()
    for i in range(12):
        make_article(category, title=f"Tin số {i:02d}", date=now - timedelta(hours=i))
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert "Tin số 00" in first and "Tin số 10" not in first
    assert "Tin số 10" in second and "Tin số 11" in second
    assert "Trang sau" in first and "Trang trước" in second
    assert client.get("/?page=999").status_code == 200
    assert client.get("/?page=abc").status_code == 200


def test_category_page_lists_only_its_articles(client, home, category):
    from .factories import make_category

    other = make_category(home, title="Tin tức", slug="tin-tuc")
    make_article(category, title="Thuộc chuyên mục một")
    make_article(other, title="Thuộc chuyên mục hai")
    html = client.get(category.url).content.decode()
    assert "Thuộc chuyên mục một" in html and "Thuộc chuyên mục hai" not in html
    assert 'aria-current="page"' in html


def test_article_page_renders_blocks_and_readaloud_hooks(client, category):
    body = [
        {"type": "heading", "value": {"text": "PHẦN THỨ NHẤT.", "level": "h2", "skip_reading": False}},
        paragraph("<p>Đoạn <b>in đậm</b>.</p>"),
        {"type": "list", "value": {"marker": "dash", "nested": False, "items": ["<p>Ý một</p>", "<p>Ý hai</p>"],
                                   "skip_reading": False}},
        {"type": "quote", "value": {"text": "Trích dẫn", "attribution": "Nguồn", "skip_reading": True}},
    ]
    article = make_article(category, title="Tin có nội dung", body=body, author="Phóng viên A", source="HĐND tỉnh")
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="article-title" id="article-title" data-readaloud-title>Tin có nội dung</h1>' in html
    assert '<h2 class="article-heading">PHẦN THỨ NHẤT.</h2>' in html
    assert "<b>in đậm</b>" in html
    assert '<ul class="article-list-block marker-dash">' in html and "Ý hai" in html
    assert "Tác giả: Phóng viên A" in html and "Nguồn: HĐND tỉnh" in html
    assert 'class="article-body" id="article-body" data-readaloud-source' in html
    assert html.count("data-readaloud-block=") == 5  # summary + 4 blocks
    assert html.count("data-readaloud-skip") == 1
    assert article.category == category


def test_plain_text_and_skip_flag(category):
    body = [paragraph("<p>Đọc đoạn này.</p>"),
            {"type": "paragraph", "value": {"text": "<p>Bỏ qua đoạn này.</p>", "skip_reading": True}}]
    article = make_article(category, body=body, summary="")
    assert article.plain_text() == "Đọc đoạn này.\n\nBỏ qua đoạn này."
    assert article.plain_text(include_skipped=False) == "Đọc đoạn này."


def test_unpublished_article_is_not_listed_or_served(client, category):
    draft = make_article(category, title="Bản nháp bí mật", publish=False)
    assert "Bản nháp bí mật" not in client.get("/").content.decode()
    assert client.get(f"{category.url}{draft.slug}/").status_code == 404


def test_script_in_body_is_sanitized_on_save(client, category):
    body = [
        paragraph('<p>Trước<script>alert("xss")</script><img src=x onerror="alert(1)">'
                  '<a href="javascript:alert(2)" onclick="alert(3)">liên kết</a> sau</p>'),
        {"type": "list", "value": {"marker": "dash", "nested": False, "skip_reading": False,
                                   "items": ['<p>ý<iframe src="https://evil.example"></iframe></p>']}},
    ]
    article = make_article(category, body=body, title="Tin thử <script>alert(4)</script>")
    stored = str(ArticlePage.objects.get(pk=article.pk).body.raw_data)
    assert "<script" not in stored and "onerror" not in stored and "javascript:" not in stored
    assert "<iframe" not in stored and "onclick" not in stored
    html = client.get(article.url).content.decode()
    assert "<script>alert" not in html
    assert "Tin thử &lt;script&gt;alert(4)&lt;/script&gt;" in html
    assert "onerror" not in html and "javascript:" not in html


def _index(*articles):
    for article in articles:
        search_index.insert_or_update_object(article)


def test_search_ignores_diacritics_and_case(client, category):
    hit = make_article(category, title="Kỳ họp thứ 25 Hội đồng nhân dân tỉnh",
                       body=[paragraph("<p>Đại biểu chất vấn về quản lý đất đai.</p>")])
    miss = make_article(category, title="Tin về thời tiết", body=[paragraph("<p>Trời nắng.</p>")])
    _index(hit, miss)
    for query in ("hoi dong nhan dan", "HỘI ĐỒNG NHÂN DÂN", "Hội đồng", "quan ly dat dai", "ĐẤT ĐAI"):
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert "Kỳ họp thứ 25" in html, query
        assert "Tin về thời tiết" not in html, query
    html = client.get("/tim-kiem/", {"q": "không có từ này"}).content.decode()
    assert "Không tìm thấy tin bài nào" in html


def test_search_text_is_folded(category):
    article = make_article(category, title="Đoàn giám sát", body=[paragraph("<p>Chuyển đổi số</p>")], summary="")
    assert article.search_text == "doan giam sat chuyen doi so"


def test_search_by_tag(client, category):
    tagged = make_article(category, title="Tin có thẻ")
    tagged.tags.add("Kỳ họp")
    tagged.save_revision().publish()
    make_article(category, title="Tin không thẻ")
    article_html = client.get(tagged.url).content.decode()
    slug = tagged.tags.get().slug
    assert f"?tag={slug}" in article_html or "?tag=k%E1%BB%B3-h%E1%BB%8Dp" in article_html
    html = client.get("/tim-kiem/", {"tag": slug}).content.decode()
    assert "Tin có thẻ" in html and "Tin không thẻ" not in html
    assert "Kỳ họp" in html


def test_search_handles_junk_queries(client, home):
    for query in ("", "   ", "<script>", "%", "'; DROP TABLE", "a" * 1000, "hội\x00đồng", "\x00"):
        assert client.get("/tim-kiem/", {"q": query}).status_code == 200
        assert client.get("/tim-kiem/", {"tag": query}).status_code == 200


def test_rss_feed_lists_latest_articles(client, category):
    make_article(category, title="Tin trong RSS & kiểm tra", summary="Tóm tắt RSS")
    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    assert "<title>Tin trong RSS &amp; kiểm tra</title>" in xml
    assert "Tóm tắt RSS" in xml and "<language>vi</language>" in xml


def test_api_v2_pages_and_images_are_read_only(client, category):
    article = make_article(category, title="Tin qua API")
    response = client.get("/api/v2/pages/", {"type": "pages.ArticlePage", "fields": "summary,date,body"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Tin qua API"]
    assert items[0]["summary"] == "Tóm tắt tin bài."
    assert items[0]["body"][0]["type"] == "paragraph"
    detail = client.get(f"/api/v2/pages/{article.pk}/")
    assert detail.json()["meta"]["type"] == "pages.ArticlePage"
    assert client.get("/api/v2/images/").status_code == 200
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{article.pk}/").status_code == 405


def test_admin_requires_login(client, category):
    article = make_article(category)
    for url in ("/admin/", f"/admin/pages/{article.pk}/edit/", "/admin/snippets/ads/advertisement/",
                "/admin/settings/pages/sitebranding/", "/django-admin/"):
        response = client.get(url)
        assert response.status_code in (302, 404), url
        if response.status_code == 302:
            assert "/login/" in response["Location"], url


def test_404_page_is_vietnamese(client, home):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_scheduled_article_goes_live_with_publish_scheduled(client, category):
    from django.core.management import call_command

    article = make_article(category, title="Tin hẹn giờ", publish=False)
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() + timedelta(hours=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert not ArticlePage.objects.get(pk=article.pk).live
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert ArticlePage.objects.get(pk=article.pk).live
    assert "Tin hẹn giờ" in client.get("/").content.decode()


def test_visitor_box_renders_without_stats_template(rf, home, settings):
    from django.template import Context, Template
    from django.template.loader import get_template as real_get_template

    from loa.pages.templatetags import pages_tags

    def no_stats_template(name, *args, **kwargs):
        if name == pages_tags.STATS_WIDGET:
            from django.template import TemplateDoesNotExist

            raise TemplateDoesNotExist(name)
        return real_get_template(name, *args, **kwargs)

    original = pages_tags.get_template
    pages_tags.get_template = no_stats_template
    try:
        request = rf.get("/")
        html = Template("{% load pages_tags %}{% visitor_widget %}").render(
            Context({"request": request, "visitor_stats": {"online": 3, "total": 12345}})
        )
        empty = Template("{% load pages_tags %}{% visitor_widget %}").render(Context({"request": request}))
    finally:
        pages_tags.get_template = original
    assert "THỐNG KÊ TRUY CẬP" in html and ">3<" in html
    assert any(total in html for total in ("12345", "12.345", "12,345"))
    assert empty.count(">0<") == 4


def test_media_serves_images_but_not_raw_documents(client, settings, home):
    images = settings.MEDIA_ROOT / "original_images"
    documents = settings.MEDIA_ROOT / "documents"
    images.mkdir(parents=True, exist_ok=True)
    documents.mkdir(parents=True, exist_ok=True)
    (images / "thu.png").write_bytes(b"\x89PNG\r\n")
    (documents / "mat.txt").write_text("bí mật")
    assert client.get("/media/original_images/thu.png").status_code == 200
    assert client.get("/media/documents/mat.txt").status_code == 404
    assert client.get("/media/original_images/../documents/mat.txt").status_code == 404
