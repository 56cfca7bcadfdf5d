"""A visitor registers for an event, gets the e-mail, and cancels from its link."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.mail import body, messages_to

pytestmark = pytest.mark.browser

EVENT = "/uk/events/webinar-describing-a-case/"
CANCEL_LINK = re.compile(r"\S+/events/registrations/[\w-]+/cancel/")


def register(page, name, address):
    page.goto(EVENT)
    form = page.locator("form.registration-form")
    form.locator("[name=name]").fill(name)
    form.locator("[name=email]").fill(address)
    form.locator("[name=organisation]").fill("Вінницька міська рада")
    form.locator("[name=consent]").check()
    form.get_by_role("button", name="Зареєструватися").click()
    page.wait_for_load_state()


def test_a_visitor_registers_and_cancels_from_the_e_mail_link(page, width, site):
    address = f"olha-{width}@example.org"

    register(page, "Ольга Петренко", address)

    assert page.get_by_text(address).is_visible()
    (message,) = messages_to(site.mail_dir, address)
    link = CANCEL_LINK.search(body(message)).group()

    response = page.goto(urlsplit(link).path)
    assert response.status == 200
    page.get_by_role("button", name="Скасувати мою реєстрацію").click()

    assert page.get_by_text("Вашу реєстрацію скасовано").is_visible()


def test_the_e_mail_links_point_to_the_site_address(page, site):
    address = "taras@example.org"

    register(page, "Тарас Коваль", address)

    (message,) = messages_to(site.mail_dir, address)
    assert f"{site.url}{EVENT}" in body(message)
    assert CANCEL_LINK.search(body(message)).group().startswith(f"{site.url}/uk/events/registrations/")
