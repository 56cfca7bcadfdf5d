"""The regions map reads well: a unique label per region, legible contrast, and the same figures as a table."""

import pytest
from bs4 import BeautifulSoup

from practices.models import Region, StatisticsPage
from practices.models.tile_map import SHADES, TILE_LABELS
from tests.factories import CasePageFactory, PageFactory, translate

pytestmark = pytest.mark.django_db

# WCAG 2.2, success criterion 1.4.3: normal-size text.
MINIMUM_CONTRAST = 4.5


class StatisticsPageFactory(PageFactory):
    title = "Статистика"
    slug = "statistics"

    class Meta:
        model = StatisticsPage


def relative_luminance(colour):
    """WCAG's relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    red, green, blue = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted([relative_luminance(first), relative_luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def map_tiles(html):
    """``(full name, label, tile fill, label colour)`` of every tile of the map on a page."""
    return [
        (
            tile.find("title").get_text().rsplit(":", 1)[0],
            tile.select_one(".tile-map__label").get_text(),
            tile.find("rect")["fill"],
            tile.select_one(".tile-map__label")["fill"],
        )
        for tile in html.select(".tile-map svg a")
    ]


@pytest.fixture
def pages(site_tree, library):
    """The library with cases in a few regions, and the statistics page, in both languages."""
    cases = [
        CasePageFactory(parent=library, region=Region.objects.get(code=code))
        for code, number in (("UA-05", 4), ("UA-53", 3), ("UA-74", 2), ("UA-77", 1))
        for _ in range(number)
    ]
    statistics = StatisticsPageFactory(parent=site_tree.home_uk)
    translate(library, "en", title="Case library")
    translate(statistics, "en", title="Statistics")
    translate(cases[0], "en", title="A case")


@pytest.mark.parametrize("language_code", ["uk", "en"])
def test_every_region_has_a_short_label_of_its_own_in_each_language(language_code):
    labels = TILE_LABELS[language_code]

    assert set(labels) == set(Region.objects.values_list("code", flat=True))
    assert len(set(labels.values())) == len(labels) == 27
    assert max(len(label) for label in labels.values()) <= 6


def test_every_colour_step_of_the_map_has_legible_text():
    assert len({fill for fill, _ink in SHADES}) == len(SHADES)
    assert {(fill, ink): round(contrast(fill, ink), 2) for fill, ink in SHADES if contrast(fill, ink) < 4.5} == {}


@pytest.mark.parametrize("url", ["/uk/statistics/", "/en/statistics/", "/uk/cases/", "/en/cases/"])
def test_the_map_on_the_page_has_unique_labels_legible_colours_and_full_names(client, pages, url):
    tiles = map_tiles(soup(client, url))

    assert len(tiles) == 27
    assert len({label for _name, label, _fill, _ink in tiles}) == 27
    assert {name for name, *_rest in tiles} == set(
        Region.objects.values_list("name_en" if url.startswith("/en/") else "name_uk", flat=True)
    )
    low = {label: round(contrast(fill, ink), 2) for _name, label, fill, ink in tiles if contrast(fill, ink) < 4.5}
    assert low == {}
    assert len({fill for *_rest, fill, _ink in tiles}) >= 2  # the steps tell regions apart


def test_labels_are_the_regions_own_and_follow_the_language(client, pages):
    uk = {name: label for name, label, *_rest in map_tiles(soup(client, "/uk/statistics/"))}
    en = {name: label for name, label, *_rest in map_tiles(soup(client, "/en/statistics/"))}

    assert uk["Черкаська область"] != uk["Чернігівська область"] != uk["Чернівецька область"]
    assert uk["Автономна Республіка Крим"] == "Крим"
    assert en["Autonomous Republic of Crimea"] == "Crim"


@pytest.mark.parametrize(
    ("url", "region", "count"),
    [
        ("/uk/statistics/", "Вінницька область", "4"),
        ("/en/statistics/", "Vinnytsia Oblast", "1"),
        ("/uk/cases/", "Вінницька область", "4"),
        ("/en/cases/", "Chernivtsi Oblast", "0"),
    ],
)
def test_the_map_comes_with_a_table_of_the_same_figures(client, pages, url, region, count):
    html = soup(client, url)

    table = html.select_one(".tile-map + .table-wrapper table")
    rows = {row.th.get_text(strip=True): row.find_all("td")[-1].get_text() for row in table.select("tbody tr")}
    assert len(rows) == 27
    assert rows[region] == count
    tiles = {tile.find("title").get_text() for tile in html.select(".tile-map svg a")}
    assert f"{region}: {count}" in tiles
    caption = html.select_one("#map-caption").get_text().lower()
    assert "table below" in caption or "таблиця нижче" in caption
