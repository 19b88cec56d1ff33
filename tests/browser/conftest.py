"""End-to-end tests in Debian's headless Chromium, driven by Playwright.

Playwright never downloads a browser here: it starts the system's Chromium
(CHROMIUM_PATH, /usr/bin/chromium by default), with the flags that keep it
from calling home, since no request may leave the machine.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from playwright.sync_api import sync_playwright

from tests.database_snapshot import snapshot_restore

# Playwright's sync API runs an event loop in the test thread; Django refuses
# database access there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM_PATH):
        pytest.fail(
            f"Chromium is needed for the browser tests: install it (apt-get install chromium) "
            f"or set CHROMIUM_PATH (looked at {CHROMIUM_PATH})."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def _new_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    outside = []

    def refuse_outside(route):
        # Every request must stay on the test server: record and block any other.
        if route.request.url.startswith(live_server.url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", refuse_outside)
    page.requests_outside = outside
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.errors = errors
    return context, page


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Database access for tests against the live server, which commits what it writes.

    Replaces pytest-django's helper for this folder: instead of flushing every table
    and reloading the registry through the ORM after each test, the registry snapshot
    taken at setup (conftest.py) undoes only what the test changed.
    """
    with django_db_blocker.unblock():
        yield
        snapshot_restore()
        # As Django's TransactionTestCase does: the next test starts on a fresh
        # connection, and none is left open when the test database is dropped.
        for connection in connections.all(initialized_only=True):
            connection.close()


# The database is asked for before the live server, so that the server (and its
# connections) stops before the test database is dropped at the end of the run.
@pytest.fixture
def page(transactional_db, browser, live_server):
    context, page = _new_page(browser, live_server, viewport={"width": 1280, "height": 900})
    yield page
    context.close()
    assert page.requests_outside == [], f"requests left the machine: {page.requests_outside}"
    assert page.errors == [], f"errors in the page: {page.errors}"


@pytest.fixture
def phone_page(transactional_db, browser, live_server):
    context, page = _new_page(
        browser, live_server, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    yield page
    context.close()
    assert page.errors == [], f"errors in the page: {page.errors}"


@pytest.fixture
def no_script_page(transactional_db, browser, live_server):
    context, page = _new_page(browser, live_server, java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield page
    context.close()


AXE = Axe()


def assert_accessible(page):
    """axe-core (bundled with the test tools, nothing fetched) finds no violation of WCAG 2.x A/AA."""
    # After a click that navigates, wait for the new page's styles: axe measures the
    # size of targets, which is wrong on a page still unstyled.
    page.wait_for_load_state("load")
    results = AXE.run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            }
        },
    )
    assert results.violations_count == 0, results.generate_report()


def open_menu(page):
    """On a phone, open the header's menu (navigation and account links); on a wide screen they are in view."""
    # Below 60em the links wait behind the menu's button (see "Header" in static/css/site.css).
    if page.viewport_size["width"] < 960 and page.locator("details.site-menu[open]").count() == 0:
        page.locator("summary.site-menu-button").click()


def sign_out(page):
    """Sign out from the header, once what the page loads has arrived.

    Sessions are saved at every request (their expiry slides), so an image still loading
    when the session ends would be answered 400 and counted as a page error.
    """
    page.wait_for_load_state("networkidle")
    open_menu(page)
    page.locator("form[action*='logout'] button").click()
