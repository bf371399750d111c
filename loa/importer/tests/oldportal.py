"""The old portal on a loopback port: the fixture folder as static files, plus the misbehaving pages of a real site."""
from __future__ import annotations

import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = FIXTURES / "oldportal"
BASE = "http://old.hdnd.example"
TEXT_SUFFIXES = (".xml", ".html", ".txt", ".json")


class Handler(SimpleHTTPRequestHandler):
    """Static files with BASE rewritten to this server; a few routes that misbehave on purpose."""

    server_version = "OldPortal/1.0"

    def log_message(self, *args) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        path = urlsplit(self.path).path
        if path.startswith("/chuyen-di/"):  # a redirect off the host
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.2:9/tin-tuc/bai-1.html")
            self.end_headers()
            return
        if path.startswith("/qua-lon/"):  # a page far past the size cap, announced without a length
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            try:
                for _ in range(800):
                    self.wfile.write(b"<p>" + b"x" * 16_000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if path.startswith("/wp-json/wp/v2/"):  # WordPress REST API: one file per route and page
            from urllib.parse import parse_qs

            route = path.rsplit("/", 1)[-1]
            number = parse_qs(urlsplit(self.path).query).get("page", ["1"])[0]
            file = ROOT / "wp-json" / f"{route}-{number}.json"
            if route == "users":
                self._send(b'{"code":"rest_user_cannot_view"}', "application/json", 401)
            elif file.is_file():
                self._send(file.read_bytes().replace(BASE.encode(), self.server.base.encode()), "application/json")
            elif number != "1":
                self._send(b'{"code":"rest_post_invalid_page_number"}', "application/json", 400)
            else:
                self._send(b"[]", "application/json")
            return
        if path.startswith("/cham/"):  # a slow page: how many requests are in flight at once
            with self.server.lock:
                self.server.in_flight += 1
                self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
            time.sleep(0.2)
            with self.server.lock:
                self.server.in_flight -= 1
            self._send(b"<html><body>cham</body></html>", "text/html; charset=utf-8")
            return
        if path.startswith("/lich/"):  # an endless calendar: every month links to the next
            month = int(path.rstrip("/").split("/")[-1] or 0)
            body = (f'<html><body><h1>Lịch tháng {month}</h1><a href="/lich/{month + 1}">Tháng sau</a>'
                    f'<a href="/lich/{month - 1}">Tháng trước</a></body></html>').encode()
            self._send(body, "text/html; charset=utf-8")
            return
        file = (ROOT / path.lstrip("/")).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if not str(file).startswith(str(ROOT)) or not file.is_file():
            self.send_error(404)
            return
        data = file.read_bytes()
        if file.suffix in TEXT_SUFFIXES and file.name != "tcvn3.html":
            data = data.replace(BASE.encode(), self.server.base.encode())
        types = {".xml": "application/xml", ".html": "text/html", ".jpg": "image/jpeg", ".pdf": "application/pdf",
                 ".txt": "text/plain", ".json": "application/json"}
        kind = types.get(file.suffix, "application/octet-stream")
        if file.name == "tcvn3.html":
            kind = "text/html"  # no charset: as old TCVN3 sites sent it
        elif kind.startswith(("text/", "application/xml", "application/json")):
            kind += "; charset=utf-8"
        self._send(data, kind)

    def _send(self, data: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class OldPortal:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(ROOT)))
        self.httpd.base = self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.httpd.requests = self.requests = []
        self.httpd.lock, self.httpd.in_flight, self.httpd.max_in_flight = threading.Lock(), 0, 0
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> OldPortal:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def localize(self, name: str, target: Path) -> Path:
        """A copy of a fixture file with BASE pointing at this server."""
        target.write_text((ROOT / name).read_text(encoding="utf-8").replace(BASE, self.base), encoding="utf-8")
        return target
