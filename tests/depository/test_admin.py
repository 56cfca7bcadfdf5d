import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_in_ukrainian_by_default(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="uk"' in html
    assert "Увійти" in html


def test_admin_login_page_follows_an_english_browser(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Sign in" in html


def test_admin_requires_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
