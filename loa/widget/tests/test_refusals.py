"""Every refusal over real HTTP between two loopback origins: nothing fetched, nothing stored."""
from __future__ import annotations

import time

import pytest

from loa.core.safe_fetch import FetchPolicy, FetchRefused, safe_fetch

from ..models import WidgetNarration, WidgetPage, WidgetSite
from .helpers import ask

pytestmark = pytest.mark.django_db


def nothing_stored() -> bool:
    return not WidgetPage.objects.exists() and not WidgetNarration.objects.exists()


def test_unregistered_origin_is_refused_and_nothing_is_fetched(client, registered, portal):
    response = ask(client, registered, portal.url("/tin-tuc.html"), origin="http://127.0.0.1:1")
    assert response.status_code == 403
    assert response.json()["status"] == "origin"
    assert "Access-Control-Allow-Origin" not in response
    assert portal.total_hits() == 0 and nothing_stored()


def test_missing_origin_is_refused(client, registered, portal):
    response = client.get("/api/widget/v1/narration", {"site": registered.key, "url": portal.url("/tin-tuc.html")})
    assert response.status_code == 403
    assert portal.total_hits() == 0 and nothing_stored()


def test_url_of_another_host_is_refused(client, registered, portal, other_portal):
    response = ask(client, registered, other_portal.url("/bai-viet.html"))
    assert response.status_code == 403
    assert response.json()["status"] == "host"
    assert response["Access-Control-Allow-Origin"] == portal.origin
    assert other_portal.total_hits() == 0 and portal.total_hits() == 0 and nothing_stored()


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/tin.html", "file:///etc/passwd", "javascript:alert(1)",
                                 "gopher://127.0.0.1:70/"])
def test_non_http_scheme_is_refused(client, registered, portal, url):
    response = ask(client, registered, url)
    assert response.status_code == 403
    assert portal.total_hits() == 0 and nothing_stored()


def test_redirect_to_loopback_is_refused(client, db, portal, other_portal):
    """A registered host (by name) that redirects to 127.0.0.1: the redirect is not followed."""
    port = portal.server.server_address[1]
    site = WidgetSite.objects.create(name="Cổng", origins=f"http://localhost:{port}", private_network=True)
    target = other_portal.url("/bai-viet.html")
    response = ask(client, site, f"http://localhost:{port}/chuyen-huong?to={target}")
    assert response.status_code == 422
    assert response.json()["status"] == "redirect"
    assert portal.hits["/chuyen-huong"] == 1
    assert other_portal.total_hits() == 0 and nothing_stored()


def test_loopback_address_of_a_public_site_is_refused(client, db, portal):
    """A site not registered as an intranet host never gets Loa to connect to a loopback address."""
    site = WidgetSite.objects.create(name="Cổng", origins=portal.origin, private_network=False)
    response = ask(client, site, portal.url("/tin-tuc.html"))
    assert response.status_code == 422
    assert response.json()["status"] == "address"
    assert portal.total_hits() == 0 and nothing_stored()


def test_oversized_page_is_cut_off_and_nothing_is_stored(client, registered, portal, settings):
    settings.WIDGET_FETCH_MAX_BYTES = 500_000
    started = time.monotonic()
    response = ask(client, registered, portal.url("/lon"))
    assert response.status_code == 422
    assert response.json()["status"] == "too_large"
    assert time.monotonic() - started < 5
    assert nothing_stored()


def test_declared_oversized_page_is_not_read(portal):
    portal.routes["/khai-lon"] = (200, {"Content-Type": "text/html"}, b"x" * 3000)
    policy = FetchPolicy(origins=frozenset({portal.origin}), private_hosts=frozenset({"127.0.0.1"}), max_bytes=1000)
    with pytest.raises(FetchRefused) as refused:
        safe_fetch(portal.url("/khai-lon"), policy)
    assert refused.value.code == "too_large"


def test_unknown_site_key(client, db, portal):
    response = client.get("/api/widget/v1/narration", {"site": "khong-co", "url": portal.url("/tin-tuc.html")},
                          HTTP_ORIGIN=portal.origin)
    assert response.status_code == 404
    assert portal.total_hits() == 0


def test_slow_page_hits_the_time_cap(portal):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    def trickle() -> None:
        conn, _ = listener.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
        try:
            for _ in range(40):
                conn.sendall(b"<p>x</p>")
                time.sleep(0.1)
        except OSError:
            pass
        conn.close()

    threading.Thread(target=trickle, daemon=True).start()
    origin = f"http://127.0.0.1:{port}"
    policy = FetchPolicy(origins=frozenset({origin}), private_hosts=frozenset({"127.0.0.1"}), timeout=1.0)
    started = time.monotonic()
    with pytest.raises(FetchRefused) as refused:
        safe_fetch(origin + "/", policy)
    assert refused.value.code == "timeout"
    assert time.monotonic() - started < 2
    listener.close()


def test_per_client_limit(client, registered, portal, settings):
    settings.WIDGET_CLIENT_RATE_LIMIT = 2
    codes = [ask(client, registered, portal.url("/khong-co.html")).status_code for _ in range(3)]
    assert codes[-1] == 429


def test_site_fetch_budget_bounds_a_flood_of_urls(client, registered, portal, settings):
    settings.WIDGET_SITE_FETCH_BUDGET = 3
    settings.WIDGET_CLIENT_RATE_LIMIT = 100
    codes = [ask(client, registered, portal.url(f"/trang-{n}.html")).status_code for n in range(6)]
    assert codes[:3] == [502, 502, 502]  # 404 from the host: fetched, nothing to read
    assert codes[3:] == [429, 429, 429]
    assert portal.total_hits() == 3
