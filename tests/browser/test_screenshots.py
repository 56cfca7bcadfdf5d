"""Screenshots of the pages that show the site's design, to compare it before and after a change.

Not a check: it saves, for each of the home page, the case library and a case page at each width,
``var/screenshots/<SCREENSHOTS_SET>/<name>-<width>.png`` (the whole page), so that a design change can
be shown side by side with what came before it. Run it on purpose, naming the set::

    SCREENSHOTS_SET=before pytest tests/browser/test_screenshots.py

Without ``SCREENSHOTS_SET`` it is skipped, so the browser suite does not rewrite the files each run.
"""

import os

import pytest

from tests.browser.checks import ROOT

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/uk/",
    "library": "/uk/cases/",
    "case": "/uk/cases/vinnytsia-e-queue/",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_save_screenshot(page, width, path):
    if not os.environ.get("SCREENSHOTS_SET"):
        pytest.skip("set SCREENSHOTS_SET (for example to before or after) to save the screenshots")
    name = next(name for name, address in PAGES.items() if address == path)
    folder = ROOT / "var" / "screenshots" / os.environ["SCREENSHOTS_SET"]
    folder.mkdir(parents=True, exist_ok=True)
    response = page.goto(path)
    assert response.status == 200
    # The whole page is photographed at once: pictures lazily loaded below the window are asked for first.
    page.evaluate(
        """async () => {
            const images = [...document.images];
            images.forEach((image) => { image.loading = "eager"; });
            await Promise.all(images.map((image) => image.decode().catch(() => null)));
            await document.fonts.ready;
        }"""
    )
    file = folder / f"{name}-{width}.png"

    page.screenshot(path=str(file), full_page=True)

    assert file.stat().st_size > 0
