"""Fetching a page from an operator-registered site, and nothing else (SSRF-safe).

- only http(s), only the origins the caller allows (scheme, host and port);
- the host name is resolved once and every address checked: loopback, private,
  link-local, multicast, reserved and other non-public addresses are refused unless
  the host is in `private_hosts` (an operator who registered an intranet or a test
  host on 127.0.0.1 said so);
- the connection goes to the checked address (no second lookup a DNS rebinding could
  answer differently), with the original Host header and TLS server name;
- redirects are followed by hand, each one checked the same way, and only to an
  allowed origin; at most `max_redirects`;
- a size cap (Content-Length first, then while reading) and one deadline for the
  whole fetch, redirects included. Only identity encoding is asked for, so the cap
  is the real size.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

USER_AGENT = "Loa/1 (+doc bai tu dong; trang lien ket)"
READ_BLOCK = 64 * 1024
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


class FetchRefused(Exception):
    """The fetch was refused or failed; `code` says why in one word, the message in Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class FetchPolicy:
    origins: frozenset[str]  # "https://hdnd.example.gov.vn", "http://127.0.0.1:8123"
    private_hosts: frozenset[str] = frozenset()  # host names (or IP literals) allowed on non-public addresses
    max_bytes: int = 2_000_000
    timeout: float = 8.0  # seconds for the whole fetch, redirects included
    max_redirects: int = 3
    content_types: frozenset[str] = field(default_factory=lambda: frozenset({"text/html", "application/xhtml+xml"}))


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    charset: str  # from the Content-Type header, "" if none
    body: bytes


def origin_of(url: str) -> str:
    """`scheme://host[:port]` (default ports left out, lower case), "" for anything that is not http(s)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.password:
        return ""
    default = 443 if parts.scheme == "https" else 80
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}" + (f":{port}" if port and port != default else "")


def normalize_origins(values: Iterable[str]) -> frozenset[str]:
    return frozenset(filter(None, (origin_of(value) for value in values)))


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve_checked(host: str, port: int, policy: FetchPolicy) -> str:
    """One address of `host` that the policy allows (every address must be allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused("dns", f"Không tìm thấy địa chỉ của máy chủ {host}.") from exc
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchRefused("dns", f"Không tìm thấy địa chỉ của máy chủ {host}.")
    if host.lower() not in policy.private_hosts and not all(is_public_address(a) for a in addresses):
        raise FetchRefused("address", f"Máy chủ {host} trỏ tới địa chỉ nội bộ; Loa không tải trang từ đó.")
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = self.raw_socket = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self.raw_socket = self._context.wrap_socket(sock, server_hostname=self.host)


def check_url(url: str, policy: FetchPolicy) -> str:
    """The URL's origin if the policy allows it, else FetchRefused (nothing is contacted)."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise FetchRefused("url", "Địa chỉ trang không hợp lệ.") from exc
    if scheme not in ("http", "https"):
        raise FetchRefused("scheme", "Chỉ tải được trang http hoặc https.")
    origin = origin_of(url)
    if not origin:
        raise FetchRefused("url", "Địa chỉ trang không hợp lệ.")
    if origin not in policy.origins:
        raise FetchRefused("host", "Trang này không thuộc trang liên kết đã đăng ký.")
    return origin


def safe_fetch(url: str, policy: FetchPolicy) -> Fetched:
    """GET `url` under `policy`; FetchRefused for anything refused or failed."""
    deadline = time.monotonic() + policy.timeout
    for _hop in range(policy.max_redirects + 1):
        check_url(url, policy)
        response, connection = _request(url, policy, deadline)
        try:
            if response.status in REDIRECT_CODES:
                location = response.getheader("Location") or ""
                if not location:
                    raise FetchRefused("redirect", "Máy chủ chuyển hướng mà không nói tới đâu.")
                target = urljoin(url, location)
                if origin_of(target) not in policy.origins:
                    raise FetchRefused("redirect", "Trang chuyển hướng ra ngoài trang liên kết đã đăng ký.")
                url = target
                continue
            return _read(url, response, connection, policy, deadline)
        finally:
            connection.close()
    raise FetchRefused("redirect", "Trang chuyển hướng quá nhiều lần.")


def _request(url: str, policy: FetchPolicy, deadline: float):
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_checked(host, port, policy)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchRefused("timeout", "Trang tải quá lâu.")
    kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = kind(host, port, address, timeout=remaining)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    try:
        connection.request("GET", path, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity", "Connection": "close",
        })
        return connection.getresponse(), connection
    except TimeoutError as exc:
        connection.close()
        raise FetchRefused("timeout", "Trang tải quá lâu.") from exc
    except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
        connection.close()
        raise FetchRefused("network", f"Không kết nối được tới {host}.") from exc


def _read(url: str, response: http.client.HTTPResponse, connection, policy: FetchPolicy, deadline: float) -> Fetched:
    if response.status != 200:
        raise FetchRefused("status", f"Máy chủ trả lời mã {response.status}.")
    mime, _, params = (response.getheader("Content-Type") or "").partition(";")
    mime = mime.strip().lower()
    if policy.content_types and mime not in policy.content_types:
        raise FetchRefused("type", f"Địa chỉ này không phải trang web ({mime or 'không rõ kiểu'}).")
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchRefused("too_large", f"Trang quá lớn (trên {policy.max_bytes // 1000} kB).")
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchRefused("timeout", "Trang tải quá lâu.")
            connection.raw_socket.settimeout(remaining)  # a slow trickle cannot outlast the deadline
            block = response.read1(READ_BLOCK)
            if not block:
                break
            size += len(block)
            if size > policy.max_bytes:
                raise FetchRefused("too_large", f"Trang quá lớn (trên {policy.max_bytes // 1000} kB).")
            chunks.append(block)
    except TimeoutError as exc:
        raise FetchRefused("timeout", "Trang tải quá lâu.") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchRefused("network", "Kết nối bị ngắt khi đang tải trang.") from exc
    charset = ""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return Fetched(url, response.status, mime, charset, b"".join(chunks))
