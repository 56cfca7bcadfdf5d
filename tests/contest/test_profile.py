"""The participant profile after verification: EDRPOU with its check digit, consent with the notice's version."""

import pytest

from contest.models import Participant
from contest.models.participants import validate_edrpou
from practices.models import Region
from tests.contest.conftest import log_in, make_user

pytestmark = pytest.mark.django_db


def profile_data(**fields):
    data = {
        "organisation": "Вінницька міська рада",
        "level": "city",
        "region": Region.objects.get(code="UA-05").pk,
        "edrpou": "00032945",
        "contact_name": "Олена Коваль",
        "position": "Начальниця відділу",
        "phone": "+380 43 200 00 00",
        "consent": "on",
    }
    return {**data, **fields}


def test_a_valid_code_passes_the_check():
    validate_edrpou("00032945")


@pytest.fixture
def verified(django_user_model, client, site_tree):
    return log_in(client, make_user(django_user_model, "nova@example.org"))


def test_profile_is_saved_with_the_consent_recorded(verified):
    response = verified.post("/uk/contest/profile/", profile_data())

    assert response.status_code == 302 and response["Location"] == "/uk/contest/entries/"
    participant = Participant.objects.get()
    assert participant.edrpou == "00032945" and participant.consent_at is not None
    assert participant.consent_version == "none"  # no privacy notice page in this site tree


def test_wrong_check_digit_is_refused_naming_the_field(verified):
    response = verified.post("/en/contest/profile/", profile_data(edrpou="00032946"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_edrpou_error"' in html and "check digit is wrong" in html
    assert 'value="Вінницька міська рада"' in html  # what was typed is kept
    assert not Participant.objects.exists()


def test_code_of_seven_digits_is_refused(verified):
    response = verified.post("/en/contest/profile/", profile_data(edrpou="1234567"))

    assert "An EDRPOU code has 8 digits." in response.content.decode()
    assert not Participant.objects.exists()


def test_consent_is_required(verified):
    response = verified.post("/en/contest/profile/", profile_data(consent=""))

    assert "needs your consent" in response.content.decode()
    assert not Participant.objects.exists()


def test_profile_links_the_privacy_notice_and_records_its_version(verified, site_tree):
    site_tree.home_uk.privacy_page = site_tree.about_uk
    site_tree.home_uk.save_revision().publish()

    page = verified.get("/uk/contest/profile/")
    verified.post("/uk/contest/profile/", profile_data())

    assert f'href="{site_tree.about_uk.url}"' in page.content.decode()
    about = site_tree.about_uk
    about.refresh_from_db()
    assert Participant.objects.get().consent_version == f"page {about.pk} rev {about.live_revision_id}"


def test_entries_need_a_profile_first(verified):
    response = verified.get("/uk/contest/entries/")

    assert response.status_code == 302 and response["Location"].startswith("/uk/contest/profile/?next=")
