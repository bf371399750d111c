"""A small HTTP/1.1 keep-alive load generator (asyncio, raw sockets) for the statistics tests and bench/stats.py.

It counts exactly: every request it writes is either answered (status counted)
or reported as an error, so "sent" can be compared with what the server counted.
"""
from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    statuses: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # seconds
    errors: int = 0
    elapsed: float = 0.0

    @property
    def answered(self) -> int:
        return sum(self.statuses.values())

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def hit_request(host: str, port: int, user_agent: str, path: str, extra_headers: dict[str, str] | None = None) -> bytes:
    """The bytes of one beacon POST, as a browser on our page would send it."""
    body = json.dumps({"path": path, "referrer": ""}).encode()
    headers = {
        "Host": f"{host}:{port}",
        "User-Agent": user_agent,
        "Origin": f"http://{host}:{port}",
        "Content-Type": "text/plain;charset=UTF-8",
        "Content-Length": str(len(body)),
        **(extra_headers or {}),
    }
    head = "POST /api/stats/hit HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    return head.encode() + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    line = await reader.readline()
    if not line:
        raise ConnectionError("connection closed")
    status = int(line.split(b" ", 2)[1])
    length, close = 0, False
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b""):
            break
        name, _, value = header.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection" and b"close" in value.lower():
            close = True
    if length:
        await reader.readexactly(length)
    return status, close


async def _run(host: str, port: int, next_request: Callable[[], bytes | None], connections: int,
               rate: float, result: LoadResult) -> None:
    start = time.perf_counter()
    issued = 0

    async def worker() -> None:
        nonlocal issued
        reader = writer = None
        while True:
            request = next_request()
            if request is None:
                break
            scheduled = start + issued / rate if rate > 0 else None
            issued += 1
            if scheduled is not None:
                delay = scheduled - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            began = scheduled if scheduled is not None else time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                writer.write(request)
                status, close = await _read_response(reader)
            except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                result.errors += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                continue
            result.latencies.append(time.perf_counter() - began)
            result.statuses[status] += 1
            if close:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(connections)))
    result.elapsed = time.perf_counter() - start


def run_load(host: str, port: int, next_request: Callable[[], bytes | None], connections: int = 16,
             rate: float = 0.0) -> LoadResult:
    """Send requests from `next_request` (None = stop) over `connections` keep-alive connections.

    rate > 0 paces the sends at that many per second in total (latency then counts from the
    scheduled time, so a slow server cannot hide its queueing); 0 sends as fast as answered.
    """
    result = LoadResult()
    failure: list[BaseException] = []

    def in_thread() -> None:  # its own event loop, even if the caller's thread runs one (Playwright does)
        try:
            asyncio.run(_run(host, port, next_request, connections, rate, result))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            failure.append(exc)

    thread = threading.Thread(target=in_thread, name="loadgen")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result


def counted_requests(requests: list[bytes]) -> Callable[[], bytes | None]:
    iterator = iter(requests)
    return lambda: next(iterator, None)


def timed_requests(seconds: float, make: Callable[[int], bytes]) -> Callable[[], bytes | None]:
    deadline = time.perf_counter() + seconds
    counter = 0

    def next_request() -> bytes | None:
        nonlocal counter
        if time.perf_counter() >= deadline:
            return None
        counter += 1
        return make(counter)

    return next_request
