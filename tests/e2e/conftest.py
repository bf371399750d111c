"""Shared browser fixtures for end-to-end tests: a live server plus headless Chromium.

Fixtures:
- `browser`  (session): one Chromium for the whole run (Debian's /usr/bin/chromium,
              or $LOA_CHROMIUM); tests SKIP loudly when there is none.
- `new_context(**options)`: factory for more browser contexts (e.g. a second user); requests
              to hosts other than the live server are aborted so nothing leaves the machine.
              Contexts bypass the Content-Security-Policy unless given bypass_csp=False.
- `context`  : one such context (viewport 1280x900, locale vi-VN).
- `page`     : a Playwright page in that context, 10 s default timeout.
- `site_url` : the live server's base URL (pytest-django `live_server`, transactional DB).
- `demo_site`: `site_url` after loading the demo content (home, categories, articles, ads,
              workflow), recreating Wagtail's root nodes if an earlier test flushed them.
- `login(page, username, password)`: log into the Wagtail admin.
- `make_user(username, groups=(), superuser=False)`: a user whose password is E2E_PASSWORD.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# The live server runs in a thread of this process while Playwright's sync API keeps an
# event loop running; Django would otherwise refuse ORM calls from the test body.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
E2E_PASSWORD = "mat-khau-e2e-2025"
DEFAULT_TIMEOUT_MS = 10_000
_missing_reason: list[str] = []


def chromium_path() -> str | None:
    """$LOA_CHROMIUM if set (and present), else Debian's chromium."""
    configured = os.environ.get("LOA_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_report_header(config) -> str:
    path = chromium_path()
    return f"e2e browser: {path}" if path else "e2e browser: NONE FOUND – end-to-end tests will be SKIPPED"


def pytest_terminal_summary(terminalreporter) -> None:
    if _missing_reason:
        bar = "!" * 78
        terminalreporter.write_line(bar, red=True, bold=True)
        terminalreporter.write_line(f"END-TO-END TESTS SKIPPED: {_missing_reason[0]}", red=True, bold=True)
        terminalreporter.write_line("Install it with: apt-get install -y chromium   (or set LOA_CHROMIUM)", red=True)
        terminalreporter.write_line(bar, red=True, bold=True)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        reason = (f"no Chromium at LOA_CHROMIUM={os.environ['LOA_CHROMIUM']}" if os.environ.get("LOA_CHROMIUM")
                  else "no Chromium found (/usr/bin/chromium)")
        if not _missing_reason:
            _missing_reason.append(reason)
        pytest.skip(f"END-TO-END TESTS SKIPPED: {reason}")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def site_url(transactional_db, live_server) -> str:
    return live_server.url


@pytest.fixture
def new_context(browser, live_server) -> Iterator[Callable[..., object]]:
    """Factory for extra browser contexts (a second user, another viewport); closed after the test."""
    made = []
    # Only requests that leave the live server are intercepted (and aborted).
    outside = re.compile(r"^(?!" + re.escape(live_server.url) + r"|data:|blob:)")

    def make(**options):
        # Playwright's string predicates (wait_for_function) are evaluated in the page, which the
        # Content-Security-Policy forbids; the policy itself is tested with bypass_csp=False (test_csp.py).
        options = {"locale": "vi-VN", "viewport": {"width": 1280, "height": 900}, "bypass_csp": True, **options}
        ctx = browser.new_context(**options)
        ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
        ctx.route(outside, lambda route: route.abort())
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    browser_page = context.new_page()
    browser_page.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield browser_page
    browser_page.close()


# This process's copy of the in-memory test database just after the demo was first loaded.
_demo_database: list[sqlite3.Connection] = []


@pytest.fixture
def demo_site(site_url) -> str:
    """Loading the demo takes seconds; on the in-memory SQLite test database the first load is copied
    aside and later tests get that copy back (the same rows a new load makes, the same files)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from loa.pages.demo.loader import load_demo

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        load_demo()
        return site_url
    connection.ensure_connection()
    if _demo_database:
        _demo_database[0].backup(connection.connection)
        ContentType.objects.clear_cache()  # the flush after the last test made content types with other ids
    else:
        load_demo()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _demo_database.append(copy)
    return site_url


@pytest.fixture
def make_user(transactional_db) -> Callable[..., object]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(username: str, groups: tuple[str, ...] = (), superuser: bool = False):
        User = get_user_model()
        if superuser:
            user = User.objects.create_superuser(username, email=f"{username}@example.vn", password=E2E_PASSWORD)
        else:
            user = User.objects.create_user(username, email=f"{username}@example.vn", password=E2E_PASSWORD)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def login(site_url) -> Callable[..., None]:
    def do_login(browser_page, username: str, password: str = E2E_PASSWORD) -> None:
        browser_page.goto(f"{site_url}/admin/login/")
        browser_page.fill("#id_username", username)
        browser_page.fill("#id_password", password)
        browser_page.locator("form button[type=submit]").first.click()
        browser_page.wait_for_url(f"{site_url}/admin/")

    return do_login


# Elements whose box goes past the viewport's left or right edge (for the 360 px check).
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip-link')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} right=${r.right} left=${r.left}`);
    }
  }
  return out;
}"""
