"""The production setup for real: nginx with deploy/nginx/loa.conf in front of `loa serve`, all on loopback.

nginx runs in the foreground with a generated main config in a temporary folder (tests/support/nginxproc.py);
`loa serve` runs gunicorn with 3 workers × 4 threads (12 request slots) and the task worker on the
demo site. Clients use several loopback addresses (127.0.0.2, .3, ...) so the address Loa believes
can be told apart from nginx's own (127.0.0.1).
"""
from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.nginxproc import check_config, nginx_binary, running_nginx, write_config
from tests.support.serverproc import Server, loa_serve

from .conftest import Site

SLOTS = 12  # gunicorn workers × threads below
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SPEECH_LIMIT = 3

if nginx_binary() is None:
    pytest.skip("NGINX TESTS SKIPPED: nginx is not installed (apt-get install nginx; .ci/run does it)",
                allow_module_level=True)


@dataclass
class Stack:
    site: Site
    loa: Server
    nginx_url: str
    nginx_port: int

    def client(self, source: str = "127.0.0.2", direct: bool = False, **kwargs) -> httpx.Client:
        base = self.loa.base_url if direct else self.nginx_url
        transport = httpx.HTTPTransport(local_address=source)
        return httpx.Client(base_url=base, transport=transport, timeout=kwargs.pop("timeout", 10),
                            headers={"User-Agent": BROWSER}, **kwargs)


@pytest.fixture(scope="module")
def stack(sqlite_demo: Site) -> Iterator[Stack]:
    env = {**sqlite_demo.env, "TRUSTED_PROXIES": "127.0.0.1,::1", "LOA_SERVE_MEDIA": "0",
           "READALOUD_SPEECH_RATE_LIMIT": str(SPEECH_LIMIT), "READALOUD_SPEECH_RATE_WINDOW": "600",
           "STATS_SUMMARY_CACHE_SECONDS": "0", "STATS_FLUSH_SECONDS": "0.5"}
    with loa_serve(env, ("--workers", "3", "--threads", str(SLOTS // 3))) as loa, \
            running_nginx(upstream_port=loa.port, static_root=sqlite_demo.static_root,
                          media_root=sqlite_demo.data_dir / "media") as nginx:
        yield Stack(sqlite_demo, loa, nginx.base_url, nginx.port)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_pages_static_files_and_images_through_nginx(stack):
    with stack.client() as http:
        home = http.get("/")
        assert home.status_code == 200 and home.headers["server"] == "nginx" and "<html" in home.text
        first, again = http.get("/?micro-cache-test=1"), http.get("/?micro-cache-test=1")
        assert (first.headers["x-micro-cache"], again.headers["x-micro-cache"]) == ("MISS", "HIT")

        css = next(path for path in stack.site.static_root.rglob("site.*.css"))
        url = "/static/" + css.relative_to(stack.site.static_root).as_posix()
        whole = http.get(url)
        assert whole.status_code == 200 and "immutable" in whole.headers["cache-control"]
        part = http.get(url, headers={"Range": "bytes=10-19", "Accept-Encoding": "identity"})
        assert part.status_code == 206 and part.content == css.read_bytes()[10:20]

        image = next((stack.site.data_dir / "media" / "original_images").iterdir())
        served = http.get(f"/media/original_images/{image.name}")
        assert served.status_code == 200 and served.content == image.read_bytes()
        # Documents are never served as plain files: /documents/<id>/ checks their privacy.
        assert http.get("/media/documents/anything.pdf").status_code == 404
        assert http.get("/media/readaloud/../secret_key").status_code in (400, 404)


def test_audio_range_requests_through_nginx(stack):
    with stack.client() as http:
        pages = http.get("/api/v2/pages/", params={"type": "pages.ArticlePage"}).json()["items"]
        answer = http.get(f"/api/readaloud/pages/{pages[0]['id']}").json()
        assert answer["status"] == "ready", answer
        audio_url = answer["audio_url"]
        on_disk = (stack.site.data_dir / "media" / "readaloud" / audio_url.rsplit("/", 1)[1]).read_bytes()

        head = http.head(audio_url)
        assert head.status_code == 200 and head.headers["content-type"] == "audio/mpeg"
        assert int(head.headers["content-length"]) == len(on_disk) and head.headers["accept-ranges"] == "bytes"
        assert "immutable" in head.headers["cache-control"]
        middle = http.get(audio_url, headers={"Range": "bytes=1000-1999"})
        assert middle.status_code == 206 and middle.content == on_disk[1000:2000]
        assert middle.headers["content-range"] == f"bytes 1000-1999/{len(on_disk)}"
        tail = http.get(audio_url, headers={"Range": "bytes=-100"})
        assert tail.status_code == 206 and tail.content == on_disk[-100:]
        assert http.get(audio_url, headers={"Range": f"bytes={len(on_disk) + 10}-"}).status_code == 416
        assert http.get(audio_url, headers={"If-None-Match": head.headers["etag"]}).status_code == 304


def test_the_stats_beacon_counts_through_nginx(stack):
    with stack.client("127.0.0.6") as http:
        before = http.get("/api/stats/summary").json()
        assert "x-micro-cache" not in http.get("/api/stats/summary").headers  # never cached by nginx
        beacon = http.post("/api/stats/hit", content=json.dumps({"path": "/", "referrer": ""}),
                           headers={"Origin": stack.nginx_url, "Content-Type": "text/plain;charset=UTF-8"})
        assert beacon.status_code == 204
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            now = http.get("/api/stats/summary").json()
            if now["today"] > before["today"]:
                break
            time.sleep(0.3)
        assert now["today"] == before["today"] + 1 and now["online"] >= before["online"] + 1


def half_sent_requests(port: int, count: int) -> list[socket.socket]:
    """`count` connections that each send part of a request and then nothing (headers, or a body)."""
    sockets = []
    for n in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        if n % 2:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\nX-Wait: ")
        else:
            sock.sendall(b"POST /api/stats/hit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 4000\r\n\r\n{\"path\": \"/")
        sockets.append(sock)
    return sockets


def fresh_render(http: httpx.Client) -> httpx.Response:
    """A page that neither cache may answer: a session cookie sends it to Loa's templates."""
    return http.get("/", headers={"Cookie": "sessionid=not-a-session"})


def blocked_directly(stack: Stack, probes: int = 8) -> bool:
    """Does one of `probes` new connections straight to gunicorn time out?

    gunicorn's workers do not share the attack evenly (one often accepts 45 of 48 connections and
    the others keep free threads), so a single probe may be lucky; each probe is a new connection.
    """
    for _ in range(probes):
        with stack.client(direct=True, timeout=2) as direct:
            try:
                fresh_render(direct)
            except httpx.TimeoutException:
                return True
    return False


def test_idle_half_sent_requests_no_longer_block_other_visitors(stack):
    attack = 4 * SLOTS  # 12 can stall all 12 threads; more make it likely whichever worker accepts them
    # Without nginx the attack works: gunicorn threads wait for the rest of a request.
    sockets = half_sent_requests(stack.loa.port, attack)
    try:
        time.sleep(0.5)
        assert blocked_directly(stack), "the attack did not block gunicorn: this test would show nothing"
    finally:
        for sock in sockets:
            sock.close()
    # Through nginx the same attack waits in nginx; gunicorn serves everyone else at once.
    sockets = half_sent_requests(stack.nginx_port, attack)
    try:
        time.sleep(0.5)
        for _ in range(5):
            with stack.client(timeout=5) as http:
                started = time.monotonic()
                response = fresh_render(http)
                assert response.status_code == 200 and response.headers.get("x-micro-cache") == "BYPASS"
                assert time.monotonic() - started < 3
        with stack.client(timeout=5) as http:
            assert http.get("/healthz").status_code == 403  # from 127.0.0.2: not a monitor
    finally:
        for sock in sockets:
            sock.close()


def speech(http: httpx.Client, headers: dict | None = None) -> httpx.Response:
    return http.post("/v1/audio/speech", json={"input": "Xin chào cử tri.", "voice": "vi-south-male"},
                     headers=headers or {})


def test_loa_sees_the_real_client_address_and_only_nginx_may_say_so(stack):
    """Loa's speech limit (3 per client) tells the addresses it sees apart; nginx's own limit is looser."""
    forged = {"X-Forwarded-For": "127.0.0.9"}
    with stack.client("127.0.0.3") as first, stack.client("127.0.0.4") as second:
        for _ in range(SPEECH_LIMIT):
            answer = speech(first, forged)
            assert answer.status_code == 200 and answer.headers["content-type"] == "audio/mpeg"
        limited = speech(first, forged)
        assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limit_exceeded"
        # Another address behind the same nginx is a different client: not nginx's 127.0.0.1 for all.
        assert speech(second).status_code == 200
        # Claiming to be someone else does not help: nginx replaces X-Forwarded-For.
        assert speech(first, {"X-Forwarded-For": "127.0.0.4"}).status_code == 429
    # Straight to gunicorn from an address that is not nginx: X-Forwarded-For is ignored.
    with stack.client("127.0.0.3", direct=True) as direct:
        assert speech(direct, {"X-Forwarded-For": "127.0.0.5"}).status_code == 429


def test_health_check_from_this_machine(stack):
    with stack.client("127.0.0.1") as local:
        health = local.get("/healthz")
        assert health.status_code == 200, health.text
        report = health.json()
        assert report["status"] == "ok" and report["worker"] == "ok" and report["database"] == "ok"
        assert "x-micro-cache" not in health.headers and health.headers["cache-control"] == "no-store"


def test_editors_and_posts_bypass_the_micro_cache_and_an_unpublish_shows_within_five_seconds(stack):
    with stack.client("127.0.0.7") as http:
        items = http.get("/api/v2/pages/", params={"type": "pages.ArticlePage", "order": "-id"}).json()["items"]
        page_id, path = items[0]["id"], path_of(items[0]["meta"]["html_url"])
        http.get(path)
        assert http.get(path).headers["x-micro-cache"] == "HIT"
        assert http.get(path, headers={"Cookie": "sessionid=abc"}).headers["x-micro-cache"] == "BYPASS"
        assert http.get(path, headers={"Cookie": "csrftoken=abc"}).headers["x-micro-cache"] == "BYPASS"
        assert http.post(path, data={"q": "x"}).headers.get("x-micro-cache") != "HIT"

        # Once the copy expires it is answered at once (stale) while one request refills it in the background.
        deadline = time.monotonic() + 15
        while (status := http.get(path).headers["x-micro-cache"]) == "HIT":
            assert time.monotonic() < deadline, "the copy never expired"
            time.sleep(0.5)
        assert status in {"STALE", "UPDATING"}, status

        stack.site.loa("shell", "-c", f"from wagtail.models import Page; Page.objects.get(id={page_id}).unpublish()")
        unpublished = time.monotonic()
        while http.get(path).status_code == 200:
            assert time.monotonic() - unpublished < 6.5, "still served more than 5 s after unpublishing"
            time.sleep(0.2)
        assert http.get(path).status_code == 404


def test_the_shipped_config_with_tls_passes_nginx_t(tmp_path: Path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    for folder in ("static", "media"):
        (tmp_path / folder).mkdir()
    config = write_config(tmp_path, upstream_port=8000, static_root=tmp_path / "static",
                          media_root=tmp_path / "media", listen_port=18443, tls=(cert, key))
    checked = check_config(config)
    assert checked.returncode == 0, checked.stderr
