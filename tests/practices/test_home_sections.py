"""The home page shows the library at a glance and features cases with their pictures."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images.tests.utils import get_test_image_file

from practices.models import CaseGalleryImage, Region
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def home_html(client):
    response = client.get("/uk/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def with_picture(case, title="Фото"):
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title=title, file=get_test_image_file(size=(900, 600)))
    case.gallery_images.add(CaseGalleryImage(image=image))
    case.save_revision().publish()
    return case


def test_home_page_counts_cases_communities_and_regions(client, library):
    CasePageFactory(parent=library, community="Вінниця")
    CasePageFactory(parent=library, community="Вінниця")
    CasePageFactory(parent=library, community="Полтава", region=Region.objects.get(code="UA-53"))
    CasePageFactory(parent=library, community="")
    draft = CasePageFactory(parent=library, community="Чернігів", region=Region.objects.get(code="UA-74"))
    draft.unpublish()

    figures = {
        figure.dt.get_text(strip=True): figure.dd.get_text(strip=True)
        for figure in home_html(client).select(".glance__figure")
    }

    assert figures == {"кейси": "4", "громади": "2", "регіони": "2"}


def test_home_page_has_no_figures_before_the_first_case(client, library):
    assert not home_html(client).select(".glance")


def test_featured_cases_show_their_first_photo_with_its_size(client, library):
    case = with_picture(CasePageFactory(parent=library, title="Обраний", featured=True))

    card = home_html(client).select_one('section[aria-labelledby="featured-cases-title"] .case-card')

    picture = card.select_one(".card__media img")
    assert picture["width"] == "600"
    assert picture["height"] == "400"
    assert picture["alt"] == ""  # the card's title names it
    assert card.select_one(".card__link")["href"] == case.get_url()


def test_a_case_without_photos_has_a_card_without_a_picture(client, library):
    CasePageFactory(parent=library, title="Без фото", featured=True)

    assert not home_html(client).select(".case-card .card__media")


def test_library_cards_show_pictures_in_a_bounded_number_of_queries(client, library, django_assert_max_num_queries):
    for number in range(12):
        with_picture(CasePageFactory(parent=library), title=f"Фото {number}")
    client.get("/uk/cases/")  # the renditions are made once

    with django_assert_max_num_queries(40):
        response = client.get("/uk/cases/")

    assert len(BeautifulSoup(response.content, "html.parser").select(".library__results .card__media img")) == 12


def test_home_page_makes_a_bounded_number_of_queries(client, library, django_assert_max_num_queries):
    for number in range(6):
        with_picture(CasePageFactory(parent=library, featured=True), title=f"Фото {number}")
    client.get("/uk/")

    with django_assert_max_num_queries(30):
        response = client.get("/uk/")

    assert len(BeautifulSoup(response.content, "html.parser").select(".case-card .card__media img")) == 6
