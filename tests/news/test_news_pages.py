import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import NewsPage, NewsRelatedCase
from tests.factories import CaseLibraryPageFactory, CasePageFactory, translate

from .conftest import NewsPageFactory

pytestmark = pytest.mark.django_db


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html):
    return json.loads(html.find("script", type="application/ld+json").string)


def titles(html):
    return [link.get_text() for link in html.select(".card h3 a")]


def test_news_page_describes_itself_as_a_news_article(client, news_index, image):
    NewsPageFactory(
        parent=news_index,
        title="Оголошено конкурс кейсів",
        slug="contest",
        hero_image=image,
        hero_image_alt="Учасники конференції в залі",
        tags=["конкурс"],
        body=[{"type": "video", "value": {"url": "https://youtu.be/aqz-KE-bpKQ", "title": "Ролик", "caption": ""}}],
    )

    html = page_html(client, "/uk/news/contest/")
    data = json_ld(html)

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Оголошено конкурс кейсів"
    assert data["datePublished"] == "2013-03-15"
    assert data["inLanguage"] == "uk"
    assert data["image"][0].startswith("http") and ".fill-1200x675" in data["image"][0]
    assert data["publisher"]["@type"] == "Organization"
    assert data["video"][0]["@type"] == "VideoObject"
    assert data["video"][0]["thumbnailUrl"] == ["https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"]
    assert html.select_one(".news__hero img")["alt"] == "Учасники конференції в залі"


def test_news_article_without_image_or_video_leaves_them_out(client, news_index):
    NewsPageFactory(parent=news_index, slug="plain")

    data = json_ld(page_html(client, "/uk/news/plain/"))

    assert "image" not in data and "video" not in data


def test_hero_image_needs_a_text_alternative(news_index, image):
    page = NewsPage(title="Без опису", slug="no-alt", intro="Лід.", hero_image=image)

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "hero_image_alt" in error.value.message_dict


def test_news_needs_a_lead(news_index):
    with pytest.raises(ValidationError) as error:
        NewsPage(title="Без ліду", slug="no-lead", intro="  ").full_clean()

    assert "intro" in error.value.message_dict


def test_news_date_defaults_to_today():
    assert NewsPage().date == timezone.localdate()


def test_index_lists_news_newest_first_and_paginates(client, news_index):
    for day in range(1, 13):
        NewsPageFactory(parent=news_index, title=f"Новина {day}", slug=f"n{day}", date=datetime.date(2013, 5, day))

    first = page_html(client, "/uk/news/")
    second = page_html(client, "/uk/news/?page=2")

    assert titles(first)[:2] == ["Новина 12", "Новина 11"]
    assert len(titles(first)) == 10
    assert titles(second) == ["Новина 2", "Новина 1"]
    assert first.select_one(".pagination a[rel=next]")


def test_tag_filter_shows_only_the_tagged_news(client, news_index):
    NewsPageFactory(parent=news_index, title="Конкурс оголошено", slug="a", tags=["конкурс"])
    NewsPageFactory(parent=news_index, title="Конференція", slug="b", tags=["конференція"])

    html = page_html(client, "/uk/news/?tag=конкурс")

    assert titles(html) == ["Конкурс оголошено"]
    assert html.select_one(".tag-list a[aria-current]").get_text(strip=True).startswith("конкурс")
    assert "конкурс" in html.select_one("#news-list-title").get_text()


def test_unknown_tag_says_so_and_offers_all_news(client, news_index):
    NewsPageFactory(parent=news_index, title="Конкурс оголошено", slug="a", tags=["конкурс"])

    html = page_html(client, "/uk/news/?tag=<b>nope</b>")

    assert titles(html) == []
    empty = html.select_one(".empty-state")
    assert "<b>nope</b>" in empty.get_text()  # shown as text, escaped
    assert empty.b is None
    assert empty.find("a", href="?")


def test_news_page_links_its_tags_to_the_filtered_index(client, news_index):
    NewsPageFactory(parent=news_index, slug="tagged", tags=["відео"])

    link = page_html(client, "/uk/news/tagged/").select_one(".news__tags a")

    assert link["href"] == "/uk/news/?tag=%D0%B2%D1%96%D0%B4%D0%B5%D0%BE"
    assert link.get_text() == "відео"


def test_related_cases_are_cards_in_the_language_of_the_news(client, site_tree, news_index, news_index_en):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    translate(library, "en", title="Case library")
    case = CasePageFactory(parent=library, title="Е-черга", key="e-queue")
    case_en = translate(case, "en", title="E-queue")
    news = NewsPageFactory(parent=news_index, slug="with-case")
    news.related_cases = [NewsRelatedCase(case=case)]
    news.save_revision().publish()
    translate(news, "en", title="With a case")

    uk = page_html(client, "/uk/news/with-case/").select(".related .card h3 a")
    en = page_html(client, "/en/news/with-case/").select(".related .card h3 a")

    assert [(a.get_text(), a["href"]) for a in uk] == [("Е-черга", "/uk/cases/e-queue/")]
    assert [(a.get_text(), a["href"]) for a in en] == [(case_en.title, "/en/cases/e-queue/")]


def test_home_page_shows_the_latest_three_news_of_its_language(client, news_index):
    for day in range(1, 5):
        NewsPageFactory(parent=news_index, title=f"Новина {day}", slug=f"n{day}", date=datetime.date(2013, 5, day))

    html = page_html(client, "/uk/")

    section = html.select_one(".home-news")
    assert [a.get_text() for a in section.select("h3 a")] == ["Новина 4", "Новина 3", "Новина 2"]
    assert section.find("a", href="/uk/news/")
    assert page_html(client, "/en/").select_one(".home-news") is None


def test_api_gives_the_news_fields(client, news_index, image):
    NewsPageFactory(parent=news_index, slug="api", hero_image=image, hero_image_alt="Зала", tags=["b", "a"])

    fields = "date,hero_image,hero_image_alt,tags,related_cases,body"
    response = client.get(f"/api/v2/pages/?type=news.NewsPage&fields={fields}")
    item = response.json()["items"][0]

    assert item["date"] == "2013-03-15"
    assert item["hero_image"]["url"].endswith(".jpg") or item["hero_image"]["url"].endswith(".png")
    assert item["hero_image_alt"] == "Зала"
    assert item["tags"] == ["a", "b"]
    assert item["related_cases"] == []
    assert item["body"] == []
