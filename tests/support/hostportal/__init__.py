"""An "existing portal" for tests: static host sites served from their own loopback origin.

`HostSite(folder, loa_origin, key)` serves one folder of `hostportal/` on 127.0.0.1 with a free
port, in a thread, replacing `{{LOA}}` (Loa's origin) and `{{KEY}}` (the site's public key) in
HTML files, and counts every request it gets (`hits`), so a test can say nothing was fetched.

- `cong-thong-tin/`: shaped like the reference portal (the provincial council's seed page): banner,
  "THỐNG KÊ TRUY CẬP" box, an article with headings and lists, ad images in a sidebar.
- `so-khac/`: built differently (div soup, sections, ordered lists) with aggressive CSS of its own.

Extra routes for refusal tests: `/chuyen-huong?to=URL` (302 to URL), `/lon` (a page over any cap,
streamed without Content-Length), `/rat-sau` (10,000 nested elements), `/loi-ma` (broken UTF-8),
`/script` (script inside paragraphs); `routes` adds more (path -> (status, headers, body)).
"""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).parent
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class HostSite:
    def __init__(self, folder: str, loa_origin: str = "", key: str = "", csp: bool = False) -> None:
        self.root = HERE / folder
        self.loa_origin, self.key = loa_origin, key
        self.csp = csp  # send the Content-Security-Policy the docs tell a host to have
        self.hits: Counter[str] = Counter()
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.pages: dict[str, str] = {}  # path -> HTML replacing the file (an edited article)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site.hits[urlsplit(self.path).path] += 1
                site.handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.origin + path

    def start(self) -> HostSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def total_hits(self) -> int:
        return sum(self.hits.values())

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        path = parts.path
        if path in self.routes:
            status, headers, body = self.routes[path]
            return self._send(request, status, headers, body)
        if path == "/chuyen-huong":
            target = parse_qs(parts.query).get("to", ["/"])[0]
            return self._send(request, 302, {"Location": target}, b"")
        if path == "/lon":
            return self._huge(request)
        if path == "/rat-sau":
            body = "<html><body><article><h1>Sâu</h1>" + "<div>" * 10_000 + "<p>Chữ.</p>" + "</div>" * 10_000
            return self._send(request, 200, {"Content-Type": TYPES[".html"]}, body.encode())
        if path == "/loi-ma":
            body = "<html><body><article><h1>Lỗi mã</h1><p>Đoạn văn có byte hỏng: ".encode() + b"\xff\xfe\xc3(" \
                + " rồi tiếp tục đọc bình thường.</p></article></body></html>".encode()
            return self._send(request, 200, {"Content-Type": TYPES[".html"]}, body)
        if path in self.pages:
            return self._send(request, 200, {"Content-Type": TYPES[".html"]}, self._fill(self.pages[path]).encode())
        file = (self.root / path.lstrip("/")).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_file() or self.root.resolve() not in file.parents:
            return self._send(request, 404, {"Content-Type": "text/plain"}, b"not found")
        data = file.read_bytes()
        headers = {"Content-Type": TYPES.get(file.suffix, "application/octet-stream")}
        if file.suffix == ".html":
            data = self._fill(data.decode("utf-8")).encode("utf-8")
            if self.csp:
                headers["Content-Security-Policy"] = self.policy()
        return self._send(request, 200, headers, data)

    def policy(self) -> str:
        """A strict host policy plus exactly the lines README's "Gắn Loa vào cổng thông tin có sẵn" asks for."""
        loa = self.loa_origin
        return (f"default-src 'self'; script-src 'self' {loa}; connect-src 'self' {loa}; media-src 'self' {loa}; "
                "style-src 'self'; img-src 'self'; object-src 'none'")

    def _fill(self, html: str) -> str:
        return html.replace("{{LOA}}", self.loa_origin).replace("{{KEY}}", self.key)

    def _send(self, request: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        try:
            request.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _huge(self, request: BaseHTTPRequestHandler) -> None:
        """50 MB of paragraphs without Content-Length: only a cap while reading stops it."""
        request.send_response(200)
        request.send_header("Content-Type", TYPES[".html"])
        request.send_header("Connection", "close")
        request.end_headers()
        try:
            request.wfile.write(b"<html><body><article><h1>Lon</h1>")
            chunk = "<p>Một đoạn văn rất dài được lặp lại nhiều lần.</p>".encode() * 1000
            for _ in range(50_000_000 // len(chunk)):
                request.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
