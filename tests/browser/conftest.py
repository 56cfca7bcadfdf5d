"""The browser suite's machinery: the site served by a real server, Debian's Chromium, the checkers.

The site runs as its own process (``manage.py runserver`` on a free port) on the embedded defaults
(SQLite, database search, tasks in-process, mail written to files), against a database made once per
session by ``migrate`` and ``load_demo``, the same code paths ``make run`` takes. A separate process
rather than pytest-django's ``live_server``: the demo content outlives each test (``live_server``
flushes the database after every test, and loading the demo again each time costs seconds), requests
are served by threads that each hold their own database connection, as in production, and nothing of
the test process (its settings fixtures, its transactions) leaks into what the browser sees.

Playwright drives Chromium from Debian's package (``make test-browser`` installs it): Playwright's own
browser download cannot be used here. A browser test that fails leaves a screenshot of its page under
``var/browser/``.
"""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from types import SimpleNamespace

import pytest

from tests.browser.checks import ROOT, unavailable
from tests.services import free_port

SCREENSHOTS = ROOT / "var" / "browser"
WIDTHS = [1280, 390]
ADMIN = SimpleNamespace(username="editor", password="browser-suite-password")
# The site runs on the embedded defaults whatever this shell points at.
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "SEARCH_URL", "SEARCH_BACKEND", "EMAIL_URL", "SITE_URL")


def wait_until_serving(url, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the site's server stopped: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the site's server did not answer {url} in {timeout} s")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The demo site, served on a free port: ``url``, ``mail_dir``, ``var_dir``, the editor's account, and
    ``frontend_url``, the origin of another frontend that may read its API."""
    var_dir = tmp_path_factory.mktemp("site")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    frontend_url = f"http://127.0.0.1:{free_port()}"  # another origin, allowed to read the API
    environment = {name: value for name, value in os.environ.items() if name not in SERVICE_VARIABLES}
    environment.update(
        VAR_DIR=str(var_dir),
        SITE_URL=url,
        CORS_ALLOWED_ORIGINS=frontend_url,
        LOG_LEVEL="WARNING",
        ADMIN_USERNAME=ADMIN.username,
        ADMIN_PASSWORD=ADMIN.password,
        PYTHONUNBUFFERED="1",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input"], ["load_demo"], ["ensure_admin"]):
        subprocess.run(manage + command, env=environment, cwd=ROOT, check=True, capture_output=True)  # noqa: S603
    log = var_dir / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
            env=environment,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(url, process, log)
        yield SimpleNamespace(
            url=url, frontend_url=frontend_url, var_dir=var_dir, mail_dir=var_dir / "mail", log=log, admin=ADMIN
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        unavailable("no chromium executable (install Debian's chromium package, or run `make test-browser` as root)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -r requirements.txt)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def width(request):
    """Every browser test that asks for it runs on a desktop and on a phone."""
    return request.param


@pytest.fixture
def page(request, browser, site):
    """A fresh browser tab (own cookies) at the test's width, or at 1280 px; screenshotted when the test fails."""
    width = request.getfixturevalue("width") if "width" in request.fixturenames else WIDTHS[0]
    context = browser.new_context(
        base_url=site.url,
        viewport={"width": width, "height": 900 if width > 600 else 844},
        locale="uk-UA",
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::", 1)[-1])
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test, so that the ``page`` fixture knows whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
