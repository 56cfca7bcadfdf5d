"""The Content-Security-Policy lets every public page and the editor's admin screens work: no violation."""

import pytest

from tests.browser.checks import PAGE_TYPES
from tests.browser.test_editor import log_in

pytestmark = pytest.mark.browser

# Every violation the browser reports on the page, collected before any script of the page runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def violations(page, path):
    response = page.goto(path)
    assert response.status < 400, path
    assert "content-security-policy" in response.headers, path
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


def test_public_pages_run_under_the_policy(page):
    page.add_init_script(RECORD_VIOLATIONS)

    found = {path: violations(page, path) for path in [*PAGE_TYPES.values(), "/en/"]}

    assert {path: listed for path, listed in found.items() if listed} == {}


def test_the_admin_screens_of_the_editor_run_under_the_policy(page, site):
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(page, site)
    case = page.request.get("/api/v2/pages/?type=practices.CasePage&locale=uk&limit=1").json()["items"][0]
    library = page.request.get("/api/v2/pages/?type=practices.CaseLibraryPage&locale=uk").json()["items"][0]
    screens = [
        "/admin/",
        f"/admin/pages/{library['id']}/",
        f"/admin/pages/{case['id']}/edit/",
        f"/admin/pages/add/practices/casepage/{library['id']}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
    ]

    found = {path: violations(page, path) for path in screens}

    assert {path: listed for path, listed in found.items() if listed} == {}
