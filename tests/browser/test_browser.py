"""Real-browser checks in headless Chromium (Debian's ``chromium``, driven by Playwright).

Skipped with a message when no Chromium is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"no Chromium at {CHROMIUM}: install Debian's chromium package (.ci/run does)",
    ),
]


@pytest.fixture
def browser_page(live_server, monkeypatch) -> Iterator:
    """A fresh page; records console errors and requests that leave our origin."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the
    # live server run in its own threads, but test code touching the ORM must be allowed.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.console_errors = []
        page.foreign_requests = []
        origin = urllib.parse.urlsplit(live_server.url).netloc
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        page.on(
            "request",
            lambda r: (
                urllib.parse.urlsplit(r.url).netloc not in ("", origin)
                and not r.url.startswith("data:")
                and page.foreign_requests.append(r.url)
            ),
        )
        page.set_default_timeout(20_000)
        yield page
        browser.close()
        # While Playwright's loop runs in this thread, Django keeps this thread's database
        # connections in a context variable rather than the thread-local it uses outside: a
        # connection the test body opened is invisible to pytest-django's clean-up, so close
        # it here, or PostgreSQL refuses to drop the test database ("being accessed by other
        # users").
        connections.close_all()


def _run_graphiql_query(page, base_url: str, query: str) -> str:
    page.goto(f"{base_url}/graphql/?q={urllib.parse.quote(query)}")
    page.wait_for_selector(".graphiql-execute-button")
    page.click(".graphiql-execute-button")
    page.wait_for_selector(".graphiql-response .CodeMirror-code:has-text('data')")
    return page.inner_text(".graphiql-response")


def test_graphiql_explorer_runs_a_code_query(live_server, browser_page, demo_catalog):
    text = _run_graphiql_query(
        browser_page,
        live_server.url,
        '{ code(system: "cpt", code: "97550") { code descriptors { short } '
        "mpfs { globalDays { code } } } }",
    )

    assert "CAREGIVER TRAING 1ST 30 MIN" in text
    assert '"XXX"' in text
    assert browser_page.foreign_requests == []  # everything from our own origin
    assert browser_page.console_errors == []  # no CSP violation, no script error


def test_admin_sign_in_and_open_cpt_97550(live_server, browser_page, demo_catalog):
    from accounts.models import User

    User.objects.create_superuser(
        username="staff@example.org", email="staff@example.org", password="a long staff password"
    )
    page = browser_page

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "staff@example.org")
    page.fill("#id_password", "a long staff password")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    page.goto(f"{live_server.url}/admin/catalog/code/?q=97550")
    page.click("text=97550")
    page.wait_for_selector("#id_short_descriptor")

    assert page.input_value("#id_short_descriptor") == "CAREGIVER TRAING 1ST 30 MIN"
    assert "Indications" in page.content()
    assert page.foreign_requests == []


def test_sign_up_sign_in_and_query_as_that_user(live_server, browser_page, demo_catalog):
    page = browser_page
    email = "browser.user@example.org"
    password = "a browser user's long passphrase"

    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_selector(f"h1:has-text('{email}')")
    page.click("text=Sign out")
    page.wait_for_selector("#id_email")

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_selector(f"h1:has-text('{email}')")

    text = _run_graphiql_query(
        page,
        live_server.url,
        "{ me { account { email plan } usage { codeViews { used limit } } } "
        'code(system: "cpt", code: "97550") { descriptors { short } } }',
    )

    assert email in text
    assert '"free"' in text
    assert "CAREGIVER TRAING 1ST 30 MIN" in text
    assert page.console_errors == []


def test_api_docs_render_under_the_csp_without_a_cdn(live_server, browser_page):
    page = browser_page

    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector("text=/api/v1/codes/{system}/{code}/")

    assert page.foreign_requests == []
    assert page.console_errors == []
