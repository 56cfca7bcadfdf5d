"""The API for other frontends, in a real browser: a second origin reads it, a third is refused;
the API's documentation works under the site's Content-Security-Policy."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import free_port
from tests.browser.test_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.browser

# The other frontend: a page of its own origin that reads the site's API with fetch().
FRONTEND_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Another frontend</title></head>
<body><output id="result">waiting</output>
<script>
fetch("%(api)s/api/v2/pages/?type=practices.CasePage&locale=uk&limit=1")
  .then((response) => response.json())
  .then((answer) => { document.getElementById("result").textContent = "read " + answer.items[0].title; })
  .catch(() => { document.getElementById("result").textContent = "refused"; });
</script></body></html>
"""


def serve_frontend(origin, api):
    """Serve the frontend's page at ``origin`` (a loopback address) until the returned server is shut down."""
    body = (FRONTEND_PAGE % {"api": api}).encode()

    class Frontend(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    address = urlsplit(origin)
    server = ThreadingHTTPServer((address.hostname, address.port), Frontend)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def result_of_frontend(page, origin, site):
    server = serve_frontend(origin, site.url)
    try:
        page.goto(origin + "/")
        page.wait_for_function("document.getElementById('result').textContent !== 'waiting'")
        return page.locator("#result").text_content()
    finally:
        server.shutdown()
        server.server_close()


def test_a_configured_frontend_reads_the_api_from_the_browser(page, site):
    assert result_of_frontend(page, site.frontend_url, site).startswith("read ")


def test_another_origin_cannot_read_the_api(page, site):
    assert result_of_frontend(page, f"http://127.0.0.1:{free_port()}", site) == "refused"


def test_the_api_documentation_works_under_the_policy(page):
    page.add_init_script(RECORD_VIOLATIONS)

    page.goto("/api/docs/")
    page.locator(".opblock-summary").first.wait_for()

    assert page.locator(".opblock-summary").count() >= 10
    assert page.evaluate("window.__cspViolations") == []
