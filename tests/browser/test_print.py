"""A printed case shows its content in black on white, with no menus, footer or filters."""

import pytest

pytestmark = pytest.mark.browser

CASE = "/uk/cases/vinnytsia-e-queue/"


def display(locator):
    return locator.evaluate("element => getComputedStyle(element).display")


def test_a_printed_case_shows_its_content_and_not_the_site_around_it(page, site):
    page.goto(CASE)
    page.emulate_media(media="print")

    for selector in (".main-menu", ".site-footer", ".language-switcher", ".site-search", ".breadcrumbs"):
        assert display(page.locator(selector)) == "none", selector
    title = page.get_by_role("heading", level=1)
    assert title.is_visible()
    assert title.evaluate("element => getComputedStyle(element).color") == "rgb(0, 0, 0)"
    for heading in ("Проблема", "Рішення та технології"):
        section = page.locator("article.case section", has=page.get_by_role("heading", name=heading, exact=True))
        assert section.locator("p").first.is_visible(), heading
    address = page.locator(".print-address")
    assert address.is_visible()
    assert address.inner_text().endswith(f"{site.url}{CASE}")


def test_on_screen_the_printed_address_is_not_shown(page):
    page.goto(CASE)

    assert display(page.locator(".print-address")) == "none"
