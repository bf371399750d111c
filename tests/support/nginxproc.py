"""nginx in front of a Loa server on loopback, with the shipped site config (deploy/nginx/loa.conf).

The site file is used as shipped except for its example values: the loopback port to listen
on instead of 443/TLS (or a self-signed certificate for `nginx -t`), the data folders, the
upstream address and the cache folder. Every replacement must apply, so a change to the
shipped file that the tests would silently miss fails loudly instead. nginx runs in the
foreground (`daemon off`) with its pid, logs and temporary files in a temporary folder: no
root-owned path is written.
"""
from __future__ import annotations

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_CONFIG = ROOT / "deploy" / "nginx" / "loa.conf"
EXAMPLE_STATIC, EXAMPLE_MEDIA = "/srv/loa/data/static/", "/srv/loa/data/media/"
EXAMPLE_UPSTREAM, EXAMPLE_CACHE = "server 127.0.0.1:8000;", "/var/cache/nginx/loa "
EXAMPLE_CERT_DIR = "/etc/letsencrypt/live/portal.example.vn/"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"deploy/nginx/loa.conf no longer contains {old!r}; update tests/support/nginxproc.py")
    return text.replace(old, new)


def _top_level_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level `server { ... }` block (braces inside quoted strings are balanced)."""
    blocks, depth, start = [], 0, None
    for match in re.finditer(r"^server\s*\{|[{}]", text, re.M):
        token = match.group(0)
        if token.startswith("server") and depth == 0:
            start, depth = match.start(), 1
        elif token == "{":
            depth += 1 if depth else 0
        elif token == "}" and depth:
            depth -= 1
            if depth == 0 and start is not None:
                blocks.append((start, match.end()))
                start = None
    return blocks


def render_site(*, listen_port: int, upstream_port: int, static_root: Path, media_root: Path, cache_dir: Path,
                tls: tuple[Path, Path] | None = None, text: str | None = None) -> str:
    """The shipped site config for this machine: plain HTTP on 127.0.0.1:listen_port unless `tls` (cert, key)."""
    text = text if text is not None else SITE_CONFIG.read_text()
    text = _replace(text, EXAMPLE_STATIC, f"{static_root}/")
    text = _replace(text, EXAMPLE_MEDIA, f"{media_root}/")
    text = _replace(text, EXAMPLE_UPSTREAM, f"server 127.0.0.1:{upstream_port};")
    text = _replace(text, EXAMPLE_CACHE, f"{cache_dir} ")
    text = _replace(text, "root /var/www/html;", f"root {cache_dir.parent};")
    if tls:
        cert, key = tls
        text = _replace(text, f"{EXAMPLE_CERT_DIR}fullchain.pem", str(cert))
        text = _replace(text, f"{EXAMPLE_CERT_DIR}privkey.pem", str(key))
        text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{listen_port} ssl http2;")
        text = _replace(text, "listen 80;", f"listen 127.0.0.1:{listen_port + 1};")
        return re.sub(r"^\s*listen \[::\]:\d+.*\n", "", text, flags=re.M)
    # Plain HTTP: drop the redirecting port-80 server and the TLS settings of the main one.
    redirect = next((b for b in _top_level_blocks(text) if "return 301 https://" in text[b[0]:b[1]]), None)
    if redirect is None:
        raise ValueError("deploy/nginx/loa.conf has no port-80 redirect server; update tests/support/nginxproc.py")
    text = text[:redirect[0]] + text[redirect[1]:]
    text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{listen_port};")
    text = re.sub(r"^\s*listen \[::\]:443.*\n", "", text, flags=re.M)
    return re.sub(r"^\s*ssl_\w+ .*\n", "", text, flags=re.M)


def main_config(folder: Path, site_file: Path, workers: str = "auto") -> str:
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    return f"""{user}daemon off;
worker_processes {workers};
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    server_tokens off;
    access_log off;
    client_body_temp_path {temp['body']};
    proxy_temp_path {temp['proxy']};
    fastcgi_temp_path {temp['fastcgi']};
    uwsgi_temp_path {temp['uwsgi']};
    scgi_temp_path {temp['scgi']};
    include {site_file};
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Nginx:
    process: subprocess.Popen
    port: int
    folder: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""


def write_config(folder: Path, *, upstream_port: int, static_root: Path, media_root: Path, listen_port: int,
                 tls: tuple[Path, Path] | None = None, extra_site: str = "") -> Path:
    site = folder / "loa.conf"
    site.write_text(render_site(listen_port=listen_port, upstream_port=upstream_port, static_root=static_root,
                                media_root=media_root, cache_dir=folder / "cache", tls=tls) + extra_site)
    config = folder / "nginx.conf"
    config.write_text(main_config(folder, site))
    return config


def check_config(config: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a generated config."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx)")
    return subprocess.run([binary, "-t", "-q", "-c", str(config), "-e", str(config.parent / "error.log")],
                          capture_output=True, text=True, timeout=30)


@contextmanager
def running_nginx(*, upstream_port: int, static_root: Path, media_root: Path, extra_site: str = "",
                  folder: Path | None = None) -> Iterator[Nginx]:
    """nginx with the shipped site config on a free loopback port in front of 127.0.0.1:upstream_port."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx)")
    own_folder = folder is None
    folder = Path(folder or tempfile.mkdtemp(prefix="loa-nginx-"))
    port = free_port()
    config = write_config(folder, upstream_port=upstream_port, static_root=static_root, media_root=media_root,
                          listen_port=port, extra_site=extra_site)
    process = subprocess.Popen([binary, "-c", str(config), "-e", str(folder / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Nginx(process, port, folder)
    try:
        _wait_listening(server)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if own_folder:
            shutil.rmtree(folder, ignore_errors=True)


def _wait_listening(server: Nginx, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            stderr = server.process.stderr.read().decode(errors="replace") if server.process.stderr else ""
            raise RuntimeError(f"nginx exited ({server.process.returncode}):\n{stderr}\n{server.log()}")
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start listening:\n" + server.log())
