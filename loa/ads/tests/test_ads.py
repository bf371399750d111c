from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from loa.ads.models import Advertisement

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
FROM_PAGE = {"HTTP_USER_AGENT": BROWSER, "HTTP_ORIGIN": "http://testserver"}


def test_only_active_ads_inside_their_window_are_showing(make_ad):
    now = timezone.now()
    showing = make_ad(title="Đang chạy", start_at=now - timedelta(days=1), end_at=now + timedelta(days=1))
    open_ended = make_ad(title="Không thời hạn")
    make_ad(title="Hết hạn", end_at=now - timedelta(seconds=1))
    make_ad(title="Chưa bắt đầu", start_at=now + timedelta(hours=1))
    make_ad(title="Tắt", is_active=False)
    assert set(Advertisement.objects.showing(now)) == {showing, open_ended}
    assert showing.is_showing(now) and not showing.is_showing(now + timedelta(days=2))


def test_expired_ad_never_shows_on_pages(client, home, make_ad):
    now = timezone.now()
    make_ad(title="Hết hạn", alt_text="Quảng cáo đã hết hạn", end_at=now - timedelta(minutes=1))
    make_ad(title="Tắt", alt_text="Quảng cáo đã tắt", is_active=False)
    make_ad(title="Tương lai", alt_text="Quảng cáo tương lai", start_at=now + timedelta(days=1))
    live = make_ad(title="Đang chạy", alt_text="Quảng cáo đang chạy")
    html = client.get("/").content.decode()
    assert 'alt="Quảng cáo đang chạy"' in html and f'href="/ads/{live.pk}/click"' in html
    for alt in ("Quảng cáo đã hết hạn", "Quảng cáo đã tắt", "Quảng cáo tương lai"):
        assert alt not in html


def test_click_counts_and_redirects_to_stored_url_only(client, make_ad):
    ad = make_ad(target_url="https://vbpl.vn/tra-cuu?x=1")
    response = client.get(f"/ads/{ad.pk}/click?next=https://evil.example/&url=https://evil.example/",
                          HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "https://vbpl.vn/tra-cuu?x=1"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    client.get(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=BROWSER)
    ad.refresh_from_db()
    assert ad.clicks == 2


def test_click_on_unknown_or_inactive_ad_is_404(client, make_ad):
    assert client.get("/ads/999999/click").status_code == 404
    assert client.get("/ads/abc/click", follow=True).status_code == 404
    inactive = make_ad(is_active=False)
    assert client.get(f"/ads/{inactive.pk}/click").status_code == 404
    inactive.refresh_from_db()
    assert inactive.clicks == 0


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/x", "//evil.example", "data:text/html,x",
                                 "http://", "không phải url"])
def test_target_url_must_be_http_or_https(make_ad, url):
    with pytest.raises(ValidationError):
        make_ad(target_url=url)


def test_impression_beacon_counts_known_active_ads(client, make_ad):
    first, second = make_ad(), make_ad()
    inactive = make_ad(is_active=False)
    response = client.post("/ads/impressions", f"{first.pk},{second.pk},{first.pk},{inactive.pk},999",
                           content_type="text/plain", **FROM_PAGE)
    assert response.status_code == 204
    counts = dict(Advertisement.objects.values_list("pk", "impressions"))
    assert counts == {first.pk: 1, second.pk: 1, inactive.pk: 0}
    assert client.post("/ads/impressions", "1;DROP", content_type="text/plain", **FROM_PAGE).status_code == 400
    assert client.get("/ads/impressions").status_code == 405


def test_ads_admin_requires_login_and_shows_counts(client, make_ad, django_user_model):
    ad = make_ad(title="Quảng cáo có số liệu")
    Advertisement.objects.filter(pk=ad.pk).update(clicks=7, impressions=140)
    url = "/admin/snippets/ads/advertisement/"
    assert "/login/" in client.get(url)["Location"]
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x"))
    html = client.get(url).content.decode()
    assert "Quảng cáo có số liệu" in html and "Lượt nhấp" in html and "140" in html and "5.00 %" in html


# -- finding 8 of the security review: counts only people, only from our pages, only inside the window ---------

def test_head_requests_and_bots_are_redirected_without_a_click(client, make_ad):
    ad = make_ad()
    assert client.head(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=BROWSER).status_code == 302
    googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    assert client.get(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=googlebot).status_code == 302
    assert client.get(f"/ads/{ad.pk}/click").status_code == 302  # no User-Agent at all
    assert client.get(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch").status_code == 302
    assert client.post(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=BROWSER).status_code == 405
    ad.refresh_from_db()
    assert ad.clicks == 0
    client.get(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=BROWSER)
    ad.refresh_from_db()
    assert ad.clicks == 1


def test_impressions_need_an_origin_of_this_site(client, make_ad):
    ad = make_ad()
    assert client.post("/ads/impressions", str(ad.pk), content_type="text/plain",
                       HTTP_USER_AGENT=BROWSER).status_code == 403
    assert client.post("/ads/impressions", str(ad.pk), content_type="text/plain", HTTP_USER_AGENT=BROWSER,
                       HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post("/ads/impressions", str(ad.pk), content_type="text/plain", HTTP_ORIGIN="http://testserver",
                       HTTP_USER_AGENT="python-requests/2.32").status_code == 204  # a bot: answered, not counted
    ad.refresh_from_db()
    assert ad.impressions == 0
    assert client.post("/ads/impressions", str(ad.pk), content_type="text/plain", **FROM_PAGE).status_code == 204
    ad.refresh_from_db()
    assert ad.impressions == 1


def test_an_ad_outside_its_window_is_404_and_counts_nothing(client, make_ad):
    now = timezone.now()
    expired = make_ad(end_at=now - timedelta(minutes=1))
    future = make_ad(start_at=now + timedelta(hours=1))
    for ad in (expired, future):
        assert client.get(f"/ads/{ad.pk}/click", HTTP_USER_AGENT=BROWSER).status_code == 404
        client.post("/ads/impressions", str(ad.pk), content_type="text/plain", **FROM_PAGE)
        ad.refresh_from_db()
        assert (ad.clicks, ad.impressions) == (0, 0)
