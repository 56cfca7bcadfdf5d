"""A visitor registers for an event, confirms the address from the first e-mail, and cancels from the second."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.mail import body, messages_to

pytestmark = pytest.mark.browser

EVENT = "/uk/events/webinar-describing-a-case/"
CANCEL_LINK = re.compile(r"\S+/events/registrations/[\w-]+/cancel/")
CONFIRM_LINK = re.compile(r"\S+/events/registrations/[\w-]+/confirm/")


def register(page, name, address):
    page.goto(EVENT)
    form = page.locator("form.registration-form")
    form.locator("[name=name]").fill(name)
    form.locator("[name=email]").fill(address)
    form.locator("[name=organisation]").fill("Вінницька міська рада")
    form.locator("[name=consent]").check()
    form.get_by_role("button", name="Зареєструватися").click()
    page.wait_for_load_state()


def confirm(page, site, address):
    """Follow the link of the first e-mail and confirm; returns the second e-mail."""
    (message,) = messages_to(site.mail_dir, address)
    page.goto(urlsplit(CONFIRM_LINK.search(body(message)).group()).path)
    page.get_by_role("button", name="Підтвердити мою реєстрацію").click()
    page.wait_for_load_state()
    first, second = messages_to(site.mail_dir, address, count=2)
    return second


def test_a_visitor_registers_and_cancels_from_the_e_mail_link(page, width, site):
    address = f"olha-{width}@example.org"

    register(page, "Ольга Петренко", address)

    assert page.get_by_text(address).is_visible()
    message = confirm(page, site, address)
    assert page.get_by_text("Вас зареєстровано").is_visible()
    link = CANCEL_LINK.search(body(message)).group()

    response = page.goto(urlsplit(link).path)
    assert response.status == 200
    page.get_by_role("button", name="Скасувати мою реєстрацію").click()

    assert page.get_by_text("Вашу реєстрацію скасовано").is_visible()


def test_the_e_mail_links_point_to_the_site_address(page, site):
    address = "taras@example.org"

    register(page, "Тарас Коваль", address)

    (first,) = messages_to(site.mail_dir, address)
    assert CONFIRM_LINK.search(body(first)).group().startswith(f"{site.url}/uk/events/registrations/")
    message = confirm(page, site, address)
    assert f"{site.url}{EVENT}" in body(message)
    assert CANCEL_LINK.search(body(message)).group().startswith(f"{site.url}/uk/events/registrations/")
