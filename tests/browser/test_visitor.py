"""A visitor browses and filters the case library, opens a case, and searches in both languages."""

import re

import pytest

pytestmark = pytest.mark.browser

COUNT = re.compile(r"\d+")


def shown_cases(page):
    return int(COUNT.search(page.locator("#results-title").inner_text()).group())


def unfold(page, toggle):
    """Opens what phones fold behind a toggle (the filters, the header's menu); wide screens show it."""
    if page.locator(toggle).is_visible():
        page.locator(toggle).click()


def test_a_visitor_filters_the_library_and_opens_a_case(page, width):
    page.goto("/uk/cases/")
    everything = shown_cases(page)

    unfold(page, ".library__filters-toggle")
    page.locator("section.facet[aria-labelledby=facet-region] a").first.click()
    page.wait_for_url(re.compile(r"[?&]region="))

    filtered = shown_cases(page)
    assert 0 < filtered < everything
    cards = page.locator(".library__results .card h3 a")
    assert cards.count() == filtered
    title = cards.first.inner_text()
    cards.first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title


@pytest.mark.parametrize(
    ("home", "query", "expected"),
    [
        ("/uk/", "черга", "Електронна черга до центру надання адміністративних послуг"),
        ("/en/", "queue", "Electronic queue for the administrative service centre"),
    ],
    ids=["uk", "en"],
)
def test_a_visitor_searches_from_the_header(page, width, home, query, expected):
    page.goto(home)

    unfold(page, ".site-menu__toggle")
    page.get_by_role("search").get_by_role("searchbox").fill(query)
    page.get_by_role("search").get_by_role("button").click()

    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.locator(".search-results").get_by_role("link", name=expected).is_visible()
