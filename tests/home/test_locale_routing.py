import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("uk-UA,uk;q=0.9,en;q=0.5", "/uk/"),
        ("de-DE,de;q=0.9", "/uk/"),
        ("", "/uk/"),
    ],
)
def test_root_redirects_by_browser_language_with_ukrainian_fallback(client, site_tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_page_address_redirects_to_the_prefixed_one(client, site_tree):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/uk/", "uk", "Головна"),
        ("/en/", "en", "Home"),
        ("/uk/about/", "uk", "Про проєкт"),
        ("/en/about/", "en", "About the project"),
    ],
)
def test_each_locale_serves_its_own_page_in_its_language(client, site_tree, path, language, title):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html


def test_page_without_translation_is_not_found_in_the_other_locale(client, site_tree):
    assert client.get("/uk/only-uk/").status_code == 200
    assert client.get("/en/only-uk/").status_code == 404


def test_interface_strings_follow_the_locale(client, site_tree):
    assert "Перейти до основного вмісту" in client.get("/uk/").content.decode()
    assert "Skip to main content" in client.get("/en/").content.decode()


@pytest.mark.parametrize("path", ["/api/v2/pages/999999/", "/admin/no-such-view/", "/documents/999999/x.pdf"])
def test_missing_objects_outside_public_pages_stay_not_found(admin_client, site_tree, path):
    assert admin_client.get(path).status_code == 404
