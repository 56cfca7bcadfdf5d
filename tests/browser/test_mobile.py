"""On a phone the cases come first, the header stays small and form controls are big enough to tap;
on a desktop nothing is folded away."""

import re

import pytest

pytestmark = pytest.mark.browser

LIBRARY = "/uk/cases/"
EVENT = "/uk/events/webinar-describing-a-case/"
PHONE = 390
DESKTOP = 1280
SCREEN = 844  # the phone's viewport height (conftest.py)


@pytest.mark.parametrize("width", [PHONE])
def test_on_a_phone_the_first_case_is_on_the_first_screen(page, width):
    page.goto(LIBRARY)

    assert page.locator(".library__results .card").first.bounding_box()["y"] < SCREEN


@pytest.mark.parametrize("width", [PHONE])
def test_on_a_phone_the_header_takes_at_most_a_fifth_of_the_screen(page, width):
    page.goto(LIBRARY)

    assert page.locator(".site-header").bounding_box()["height"] <= 0.2 * SCREEN
    assert not page.get_by_role("navigation", name="Головне меню").is_visible()


@pytest.mark.parametrize("width", [PHONE])
def test_on_a_phone_the_menu_toggle_opens_the_navigation(page, width):
    page.goto(LIBRARY)

    page.locator(".site-menu__toggle").click()

    menu = page.get_by_role("navigation", name="Головне меню")
    assert menu.is_visible()
    menu.locator("a[href='/uk/events/']").click()
    page.wait_for_url(re.compile(r"/uk/events/$"))


@pytest.mark.parametrize("width", [PHONE])
def test_on_a_phone_the_filters_fold_behind_a_toggle_that_opens_them(page, width):
    page.goto(LIBRARY)
    region = page.locator("section.facet[aria-labelledby=facet-region] a").first
    assert not region.is_visible()

    toggle = page.locator(".library__filters-toggle")
    assert toggle.inner_text() == "Фільтри"
    toggle.click()
    region.click()

    page.wait_for_url(re.compile(r"[?&]region="))
    assert page.locator(".library__filters-toggle").inner_text() == "Фільтри (активних: 1)"
    assert page.locator(".library__results .card").first.bounding_box()["y"] < SCREEN


@pytest.mark.parametrize("width", [DESKTOP])
def test_on_a_desktop_the_filters_and_the_menu_are_shown_without_a_click(page, width):
    page.goto(LIBRARY)

    assert not page.locator(".library__filters-toggle").is_visible()
    assert not page.locator(".site-menu__toggle").is_visible()
    assert page.get_by_role("navigation", name="Головне меню").is_visible()
    assert page.get_by_role("search").get_by_role("searchbox").is_visible()
    region = page.locator("section.facet[aria-labelledby=facet-region] a").first
    assert region.is_visible()
    region.click()
    page.wait_for_url(re.compile(r"[?&]region="))


def test_the_consent_check_box_is_big_enough_to_tap_and_its_label_ticks_it(page, width):
    page.goto(EVENT)
    consent = page.locator("form.registration-form [name=consent]")

    box = consent.bounding_box()
    assert box["width"] >= 24
    assert box["height"] >= 24
    page.locator("form.registration-form label[for=id_consent]").click()
    assert consent.is_checked()
