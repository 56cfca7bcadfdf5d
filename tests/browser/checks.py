"""The two judges of every page type: axe-core in the page, the Nu HTML Checker over its HTML.

Both come from npm (``package.json``; ``make test-browser`` installs them into ``node_modules/``).
axe-core runs inside the rendered page, so it sees the layout of the width under test (contrast,
target sizes, landmarks); vnu reads the HTML the server sent, once for all page types, because the
Java checker takes seconds to start.
"""

import json
import os
import shutil
import subprocess

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# axe's "minor" findings are advice; everything from "moderate" up is a barrier for someone.
BLOCKING_IMPACTS = {"moderate", "serious", "critical"}

# One address of each page type of the demo content; the search results in both languages.
PAGE_TYPES = {
    "home": "/uk/",
    "standard page": "/uk/about/",
    "case library": "/uk/cases/",
    "case": "/uk/cases/vinnytsia-e-queue/",
    "statistics": "/uk/statistics/",
    "news index": "/uk/news/",
    "news page": "/uk/news/case-videos/",
    "video gallery": "/uk/videos/",
    "publications index": "/uk/publications/",
    "publication": "/uk/publications/best-regional-practices-report/",
    "events index": "/uk/events/",
    "event": "/uk/events/webinar-describing-a-case/",
    "contest": "/uk/contest-2013/",
    "contest results": "/uk/contest-2013/results/",
    "partners page": "/uk/about/partners/coalition/",
    "search results (uk)": "/uk/search/?q=черга",
    "search results (en)": "/en/search/?q=queue",
}


def unavailable(reason):
    """Under CI a missing tool fails the run; elsewhere the browser tests are skipped, loudly."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser suite: {reason}", pytrace=False)
    pytest.skip(f"browser suite SKIPPED: {reason}")


def axe_violations(page):
    """axe-core's violations of moderate impact or worse on the page, one readable line each."""
    if not AXE.exists():
        unavailable(f"{AXE.relative_to(ROOT)} is missing (run `make test-browser`, or `npm ci`)")
    page.evaluate(AXE.read_text())  # evaluated by the browser's tools, so the page's CSP does not apply
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['impact']} {violation['id']}: {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def vnu_errors(files):
    """``{file name: [error, ...]}`` of the Nu HTML Checker for the given HTML files."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        unavailable("the Nu HTML Checker needs java and node_modules/vnu-jar (run `make test-browser`)")
    finished = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = {}
    for message in json.loads(finished.stderr)["messages"]:
        name = message["url"].rsplit("/", 1)[-1]
        errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors
