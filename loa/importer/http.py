"""The importer's HTTP client: polite, bounded, and only to the hosts the operator named.

robots.txt is obeyed, requests to one host are spaced by IMPORTER_DELAY seconds with at most
IMPORTER_CONCURRENCY in flight, the User-Agent says who is asking, bodies past a size cap are cut
off and refused, and a redirect is followed only within the allowed hosts.
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from . import conf

MAX_REDIRECTS = 5


class FetchError(Exception):
    """A URL that could not be fetched, with the reason for the report."""


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    charset: str | None
    location: str = ""

    def text(self) -> str:
        from .decode import decode_html

        return decode_html(self.content, self.charset)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


class PoliteClient:
    def __init__(self, hosts: set[str] | list[str], *, delay: float | None = None, concurrency: int | None = None,
                 timeout: float | None = None, user_agent: str | None = None, obey_robots: bool = True) -> None:
        self.hosts = {h.lower() for h in hosts if h}
        self.delay = float(conf.get("IMPORTER_DELAY") if delay is None else delay)
        self.user_agent = user_agent or str(conf.get("IMPORTER_USER_AGENT"))
        self.obey_robots = obey_robots
        limit = int(conf.get("IMPORTER_CONCURRENCY") if concurrency is None else concurrency)
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._limit = max(1, limit)
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        seconds = float(conf.get("IMPORTER_TIMEOUT") if timeout is None else timeout)
        self.timeout = seconds
        self.client = httpx.Client(timeout=httpx.Timeout(seconds), follow_redirects=False,
                                   headers={"User-Agent": self.user_agent}, trust_env=False)

    @property
    def concurrency(self) -> int:
        return self._limit

    def close(self) -> None:
        self.client.close()

    def allowed_host(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and host_of(url) in self.hosts

    # -- politeness -------------------------------------------------------------------------
    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.BoundedSemaphore(self._limit))

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._last.get(host, 0.0) + self.delay)
            self._last[host] = start
        if start > now:
            time.sleep(start - now)

    def robots_allow(self, url: str) -> bool:
        if not self.obey_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                answer = self._get(origin + "/robots.txt", max_bytes=512 * 1024)
                if answer.status >= 400:
                    parser = None  # no robots.txt: everything allowed
                else:
                    parser.parse(answer.content.decode("utf-8", "replace").splitlines())
            except FetchError:
                parser = None
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)

    # -- fetching ---------------------------------------------------------------------------
    def get(self, url: str, *, max_bytes: int | None = None) -> Response:
        """GET `url` (a 2xx answer), following redirects within the allowed hosts; FetchError otherwise."""
        if not self.allowed_host(url):
            raise FetchError(f"máy chủ không được phép: {host_of(url) or url}")
        if not self.robots_allow(url):
            raise FetchError("robots.txt không cho phép")
        limit = max_bytes or int(conf.get("IMPORTER_MAX_PAGE_MB")) * 1024 * 1024
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._get(url, max_bytes=limit)
            if answer.status in (301, 302, 303, 307, 308):
                target = urljoin(url, answer.location)
                if not self.allowed_host(target):
                    raise FetchError(f"chuyển hướng ra ngoài máy chủ: {host_of(target) or target}")
                url = target
                continue
            if answer.status >= 400:
                raise FetchError(f"HTTP {answer.status}")
            return answer
        raise FetchError("quá nhiều lần chuyển hướng")

    def _get(self, url: str, *, max_bytes: int) -> Response:
        host = host_of(url)
        deadline = time.monotonic() + self.timeout * 3  # a slow drip cannot hold the run forever
        with self._slot(host):
            self._wait_turn(host)
            try:
                with self.client.stream("GET", url) as answer:
                    if answer.is_redirect:
                        return Response(url, answer.status_code, b"", "", None, answer.headers.get("location", ""))
                    declared = answer.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"quá lớn ({int(declared) // 1024} kB)")
                    chunks, size = [], 0
                    for chunk in answer.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"quá lớn (hơn {max_bytes // 1024} kB)")
                        if time.monotonic() > deadline:
                            raise FetchError("quá thời gian tải")
                        chunks.append(chunk)
                    content_type = answer.headers.get("content-type", "")
                    return Response(str(answer.url), answer.status_code, b"".join(chunks),
                                    content_type.split(";")[0].strip().lower(), answer.charset_encoding)
            except httpx.TimeoutException as exc:
                raise FetchError("quá thời gian chờ") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"lỗi kết nối ({type(exc).__name__})") from exc
