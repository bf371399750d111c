"""Building the sections and sending forms the way a browser does (with a form token of a given age)."""
from __future__ import annotations

import re
import time

from django.test import Client

from loa.participation.guard import issue_token

TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')
CONTACT = {"name": "Nguyễn Thị Bảo Mật", "email": "baomat.cutri@example.vn", "phone": "0912 345 678",
           "address": "Số 99 đường Riêng Tư, phường Kín"}


def contact_values() -> list[str]:
    """The strings that must never show outside the admin (name included, to be strict)."""
    return [CONTACT["email"], CONTACT["phone"], "0912345678", CONTACT["address"], CONTACT["name"],
            "baomat.cutri"]


def aged_token(form_name: str, seconds: float = 30) -> str:
    return issue_token(form_name, now=time.time() - seconds)


def token_from(html: str) -> str:
    match = TOKEN_RE.search(html)
    assert match, "no form token in the page"
    return match.group(1)


def post_form(client: Client, url: str, data: dict, form_name: str, age: float = 30, **extra):
    payload = {"form_token": aged_token(form_name, age), "website": "", "consent": "on", **CONTACT, **data}
    return client.post(url, payload, **extra)


def csrf_client() -> Client:
    return Client(enforce_csrf_checks=True)
