"""Pages hardly move once drawn: pictures have their frames reserved, and the web font swaps in
over a local fallback drawn at its metrics (tokens.css), so the text keeps nearly the same lines."""

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/uk/", "/uk/cases/", "/uk/cases/vinnytsia-e-queue/"]
# Cumulative Layout Shift: browsers' own audits call up to 0.1 good; these pages measure about 0.03 on a
# desktop (a paragraph rewrapped as the web font arrives) and nothing on a phone.
MOST_SHIFT = 0.05

LOADED = """async () => {
    const images = [...document.images];
    images.forEach((image) => { image.loading = "eager"; });
    await Promise.all(images.map((image) => image.decode().catch(() => null)));
    await document.fonts.ready;
}"""
SHIFT = """() => new Promise((done) => {
    new PerformanceObserver((list) => {
        const shifts = list.getEntries().filter((entry) => !entry.hadRecentInput);
        done(shifts.reduce((total, entry) => total + entry.value, 0));
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(0), 500);
})"""


@pytest.mark.parametrize("path", PAGES)
def test_the_page_does_not_shift_as_it_loads(page, width, path):
    page.goto(path)
    page.evaluate(LOADED)

    assert page.evaluate(SHIFT) <= MOST_SHIFT
    assert page.evaluate("document.fonts.check('16px Manrope', 'Депозитарій')")
