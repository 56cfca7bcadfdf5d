"""An editor logs into the Wagtail admin, creates a case, publishes it and sees it on the site."""

import re
import time
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.browser

# Wagtail's unsaved-changes watcher takes its first look at the form this long after the page loads;
# edits before that are not noticed, so neither is the autosave triggered (an editor is slower).
FORM_WATCH_DELAY_MS = 2500
EDIT_URL = re.compile(r"/admin/pages/\d+/edit/")


def log_in(page, site):
    page.goto("/admin/login/")
    page.locator("[name=username]").fill(site.admin.username)
    page.locator("[name=password]").fill(site.admin.password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def open_new_case_form(page):
    """The admin's "add case" form under the Ukrainian case library; returns its address."""
    library = page.request.get("/api/v2/pages/?type=practices.CaseLibraryPage&locale=uk").json()["items"][0]
    address = f"/admin/pages/add/practices/casepage/{library['id']}/"
    page.goto(address)
    page.wait_for_timeout(FORM_WATCH_DELAY_MS)
    return address


def choose(page, field):
    """Pick the first item offered by the chooser of ``field``."""
    page.locator(f"[data-contentpath='{field}']").locator("button.chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.locator("a[href*='/chosen/']").first.click()
    modal.wait_for(state="hidden")


def fill_case(page, title, key):
    # The title fills the slug (Wagtail's title field panel). The key is on another tab; an editor
    # would type it there. First, so that the autosave, which runs as soon as the form is valid,
    # saves the page with its key.
    page.evaluate(
        """key => {
            const input = document.getElementById("id_key");
            input.value = key;
            input.dispatchEvent(new Event("change", {bubbles: true}));
        }""",
        key,
    )
    page.locator("#id_title").fill(title)
    page.locator("#id_intro").fill("Громада записує відвідувачів до ЦНАП через інтернет.")
    choose(page, "region")
    page.locator("#id_level").select_option("city")
    page.locator("#id_community").fill("Вінниця")
    page.locator("#id_year").fill("2021")
    choose(page, "category")


def publish(page):
    publish_button = page.locator("button[name=action-publish]")
    if not publish_button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    with page.expect_navigation():
        publish_button.click()


def unique_key(name):
    return f"{name}-{time.time_ns()}"


def open_case_on_the_site(page, key):
    """Open the published case with ``key`` at the address the site gives it; its response."""
    cases = page.request.get(f"/api/v2/pages/?type=practices.CasePage&key={key}&fields=html_url").json()["items"]
    assert len(cases) == 1, cases
    return page.goto(cases[0]["meta"]["html_url"])


def test_an_editor_creates_and_publishes_a_case_and_sees_it_on_the_site(page, site):
    key = unique_key("e-queue")
    title = f"Електронна черга до ЦНАП у Вінниці, {key[-6:]}"  # the demo has a case of that title
    log_in(page, site)
    open_new_case_form(page)

    fill_case(page, title, key)
    publish(page)

    assert page.locator(".w-field__errors .error-message").count() == 0
    response = open_case_on_the_site(page, key)
    assert response.status == 200
    slug = f"електронна-черга-до-цнап-у-вінниці-{key[-6:]}"
    assert unquote(response.url).endswith(f"/uk/cases/{slug}/"), "the slug comes from the title"
    assert page.get_by_role("heading", level=1).inner_text() == title


def test_publishing_after_the_autosave_created_the_page_publishes_that_page(page, site):
    key = unique_key("autosaved")
    log_in(page, site)
    add_form = open_new_case_form(page)
    fill_case(page, "Кейс, який автозбереження встигло створити", key)
    page.wait_for_url(EDIT_URL)  # the autosave created the page and pointed the form at its editor
    page.wait_for_load_state("networkidle")  # and reloaded the form's parts from the editor

    # The editor's Publish left before the form was pointed at the editor: it reaches the add form.
    page.locator("#page-edit-form").evaluate("(form, address) => { form.action = address; }", add_form)
    publish(page)

    said = page.locator(".messages, .error-message").all_inner_texts()
    assert page.locator(".w-field__errors .error-message").count() == 0, said
    response = open_case_on_the_site(page, key)
    assert response.status == 200, said
    assert page.get_by_role("heading", level=1).inner_text() == "Кейс, який автозбереження встигло створити"
