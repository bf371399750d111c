"""The two things a browser reports, parsed strictly from request bodies."""
from __future__ import annotations

import ipaddress
import json
import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http.request import split_domain_port

MAX_BODY = 4096
MAX_PATH = 512
LISTEN_EVENTS = frozenset({"play", "progress", "heartbeat", "pause", "ended"})
VOICE_RE = re.compile(r"^[\w.\-]{1,64}$")
LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
MAX_HOST = 253


class BadPayload(ValueError):
    pass


@dataclass(frozen=True)
class PageView:
    path: str
    referrer_host: str  # "" when internal or absent


@dataclass(frozen=True)
class ListenReport:
    page_id: int
    event: str
    voice: str
    speed: float
    position: float
    duration: float


def _object(body: bytes) -> dict:
    if not body or len(body) > MAX_BODY:
        raise BadPayload("empty or too large body")
    try:
        data = json.loads(body.decode("utf-8"))
        # "\ud800" is valid JSON but no valid text: it could not be stored and would fail every later flush.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise BadPayload("not JSON") from exc
    if not isinstance(data, dict):
        raise BadPayload("not a JSON object")
    return data


def clean_path(value: object) -> str:
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        raise BadPayload("path must be an absolute path")
    path = value.split("?", 1)[0].split("#", 1)[0]
    if len(path) > MAX_PATH or any(ord(ch) < 32 or ch in "\\" for ch in path):
        raise BadPayload("path too long or with control characters")
    return path


def canonical_host(host: str) -> str:
    """`host` as stored: lower-case ASCII (IDNA "xn--" labels), without "www."; "" when it is no valid host name."""
    host = host.strip().rstrip(".").lower()
    if not host or len(host) > 4 * MAX_HOST:
        return ""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
        ascii_host.encode("ascii").decode("idna")  # "xn--" labels must decode too
    except UnicodeError:
        return ""
    labels = ascii_host.split(".")
    if len(ascii_host) > MAX_HOST or len(labels) < 2 or not all(LABEL_RE.match(label) for label in labels):
        return ""
    if labels[-1].isdigit():  # "1.2.3" is no host name
        return ""
    return ascii_host.removeprefix("www.")


def referrer_host(value: object, own_host: str) -> str:
    """The referring site of a page view, or "" when there is none (internal, absent, or no valid host name)."""
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or len(value) > 2048:
        raise BadPayload("referrer must be a URL")
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError as exc:
        raise BadPayload("referrer must be a URL") from exc
    if parts.scheme not in ("http", "https"):
        return ""
    host = canonical_host(host)
    own, _port = split_domain_port(own_host.lower())
    return "" if not host or host == canonical_host(own) else host


def parse_page_view(body: bytes, own_host: str) -> PageView:
    data = _object(body)
    return PageView(clean_path(data.get("path")), referrer_host(data.get("referrer"), own_host))


def _number(data: dict, key: str, low: float, high: float, default: float | None = None) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadPayload(f"{key} must be a number")
    if not low <= value <= high:
        raise BadPayload(f"{key} out of range")
    return float(value)


def parse_listen(body: bytes) -> ListenReport:
    data = _object(body)
    page_id = data.get("page_id")
    if isinstance(page_id, bool) or not isinstance(page_id, int) or not 0 < page_id < 2**31:
        raise BadPayload("page_id must be a positive integer")
    event = data.get("event")
    if event not in LISTEN_EVENTS:
        raise BadPayload("unknown event")
    voice = data.get("voice", "") or ""
    if not isinstance(voice, str) or (voice and not VOICE_RE.match(voice)):
        raise BadPayload("bad voice")
    return ListenReport(
        page_id=page_id,
        event=event,
        voice=voice,
        speed=_number(data, "speed", 0.25, 4.0, 1.0),
        position=_number(data, "position", 0.0, 86400.0, 0.0),
        duration=_number(data, "duration", 0.0, 86400.0, 0.0),
    )
