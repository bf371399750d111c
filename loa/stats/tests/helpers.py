"""Small HTTP helpers for the stats tests (real requests with httpx)."""
from __future__ import annotations

import json

import httpx


def user_agent(n: int) -> str:
    return f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{100 + n}.0.0.0 Safari/537.36"


GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def hit(client: httpx.Client, ua: str, path: str = "/", referrer: str = "", headers: dict | None = None,
        body: bytes | None = None) -> int:
    payload = body if body is not None else json.dumps({"path": path, "referrer": referrer}).encode()
    response = client.post(
        "/api/stats/hit",
        content=payload,
        headers={"User-Agent": ua, "Origin": str(client.base_url).rstrip("/"), "Content-Type": "text/plain;charset=UTF-8",
                 **(headers or {})},
    )
    return response.status_code


def listen(client: httpx.Client, ua: str, headers: dict | None = None, **fields) -> int:
    response = client.post(
        "/api/stats/listen",
        content=json.dumps(fields).encode(),
        headers={"User-Agent": ua, "Origin": str(client.base_url).rstrip("/"), "Content-Type": "application/json",
                 **(headers or {})},
    )
    return response.status_code


def summary(client: httpx.Client) -> dict[str, int]:
    response = client.get("/api/stats/summary")
    assert response.status_code == 200
    return response.json()


def delta(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {key: after[key] - before[key] for key in after}
