"""A new participant signs up, verifies the address from the mail file, fills the steps and submits, at 1280 px."""

import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.browser.checks import ROOT, axe_violations
from tests.browser.conftest import SERVICE_VARIABLES
from tests.browser.mail import body, messages_to

pytestmark = pytest.mark.browser

LINK = re.compile(r"\S+/accounts/confirm-email/\S+/")
PASSWORD = "a-long-browser-password-31"
# An open contest beside the demo content, made by the site's own code in its database.
MAKE_CONTEST = """
from wagtail.models import Site
from tests.factories import ContestPageFactory
home = Site.objects.get(is_default_site=True).root_page
print(ContestPageFactory(parent=home, title="Браузерний конкурс", slug="browser-contest", phase="open").pk)
"""


@pytest.fixture(scope="module")
def contest_id(site):
    environment = {name: value for name, value in os.environ.items() if name not in SERVICE_VARIABLES}
    environment.update(VAR_DIR=str(site.var_dir), SITE_URL=site.url, LOG_LEVEL="WARNING")
    done = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", MAKE_CONTEST],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def save_and_continue(page):
    page.get_by_role("button", name="Зберегти й продовжити").click()
    page.wait_for_load_state()


def test_a_participant_signs_up_verifies_fills_the_steps_and_submits(page, site, contest_id):
    address = "nova-participant@example.org"
    page.goto("/uk/accounts/signup/")
    page.locator("[name=email]").fill(address)
    page.locator("[name=password1]").fill(PASSWORD)
    page.locator("[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    (message,) = messages_to(site.mail_dir, address)
    page.goto(urlsplit(LINK.search(body(message)).group()).path)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    assert urlsplit(page.url).path == "/uk/contest/profile/"
    page.get_by_label("Громада або орган влади").fill("Вінницька міська рада")
    page.get_by_label("Рівень громади").select_option("city")
    page.get_by_label("Регіон").select_option(index=1)
    page.get_by_label("Код ЄДРПОУ").fill("00032945")
    page.get_by_label("Контактна особа").fill("Олена Коваль")
    page.get_by_label("Посада").fill("Начальниця відділу")
    page.get_by_label("Телефон").fill("+380432000000")
    page.locator("[name=consent]").check()
    page.get_by_role("button", name="Зберегти профіль").click()
    page.wait_for_load_state()

    page.goto(f"/uk/contest/{contest_id}/start/")
    page.get_by_role("button", name="Почати новий запис").click()
    page.wait_for_load_state()
    page.locator("[name=nomination]").select_option(index=1)
    save_and_continue(page)

    page.locator("[name=title]").fill("Електронна черга до ЦНАП")
    page.locator("[name=summary]").fill("Запис на прийом онлайн.")
    page.locator("[name=community]").fill("Вінниця")
    page.locator("[name=year]").fill("2012")
    assert axe_violations(page) == []
    save_and_continue(page)
    for name, text in (("problem", "Черги."), ("solution", "Онлайн-запис."), ("results", "Менше черг.")):
        page.locator(f"[name={name}]").fill(text)
        save_and_continue(page)
    page.locator("[name=replication]").fill("Відкритий код.")
    save_and_continue(page)
    page.locator("[name=categories]").first.check()
    save_and_continue(page)
    page.get_by_role("link", name="Перейти до перевірки").click()
    page.wait_for_load_state()

    assert page.get_by_text("Усе потрібне заповнено.").is_visible()
    page.get_by_role("button", name="Подати запис").click()
    page.wait_for_load_state()

    assert page.get_by_text("Ваш запис подано.").is_visible()
    first, confirmation = messages_to(site.mail_dir, address, count=2)
    assert "Ваш конкурсний запис подано" in str(confirmation["Subject"])
