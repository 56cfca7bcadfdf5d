import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import VideoPoster
from news.models import VideoClip
from tests.factories import CaseLibraryPageFactory, CasePageFactory, StandardPageFactory, translate

from .conftest import NewsPageFactory, VideoGalleryPageFactory, document

pytestmark = pytest.mark.django_db


def youtube(title, video_id="aqz-KE-bpKQ"):
    return {"type": "video", "value": {"url": f"https://youtu.be/{video_id}", "title": title, "caption": ""}}


def gallery(client, url="/uk/videos/"):
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {link.get_text(): link["href"] for link in html.select(".video-card h3 a")}, html


@pytest.fixture
def gallery_pages(site_tree):
    uk = VideoGalleryPageFactory(parent=site_tree.home_uk)
    translate(uk, "en", title="Videos")
    return uk


def test_gallery_lists_clips_from_news_other_pages_and_cases(
    client, site_tree, news_index, gallery_pages, video_file_value
):
    NewsPageFactory(parent=news_index, slug="launch", body=[youtube("Ролик про запуск")])
    StandardPageFactory(
        parent=site_tree.home_uk,
        title="Методологія",
        slug="methodology",
        body=[{"type": "video_file", "value": video_file_value}],
    )
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    CasePageFactory(parent=library, title="Е-черга", key="e-queue", video_url="https://vimeo.com/76979871")
    CasePageFactory(parent=library, title="Портал", key="portal", video_file=document("portal.webm"))

    clips, html = gallery(client)

    assert clips == {
        "Ролик про запуск": "/uk/news/launch/",
        "Як подати кейс": "/uk/methodology/",
        "Е-черга": "/uk/cases/e-queue/",
        "Портал": "/uk/cases/portal/",
    }
    thumbnails = [img["src"] for img in html.select(".video-card img")]
    assert "/static/img/video-poster.svg" in thumbnails  # no request to the video host before a click
    assert not [src for src in thumbnails if src.startswith(("http:", "https:", "//"))]
    assert any(src.startswith("/media/images/") for src in thumbnails)  # the uploaded clip's poster


def test_gallery_leaves_out_drafts_and_other_languages(client, news_index, news_index_en, gallery_pages):
    NewsPageFactory(parent=news_index, slug="draft", body=[youtube("Чернетка")]).unpublish()
    english = NewsPageFactory(parent=news_index, slug="public", body=[youtube("Публічний")])
    translate(english, "en", title="Public", body=[youtube("Public clip")])

    uk, _html = gallery(client)
    en, _html = gallery(client, "/en/videos/")

    assert list(uk) == ["Публічний"]
    assert en == {"Public clip": "/en/news/public/"}


def test_gallery_keeps_the_clips_of_a_page_in_reading_order_and_paginates(client, news_index, gallery_pages):
    NewsPageFactory(parent=news_index, slug="many", body=[youtube(f"Ролик {n:02}") for n in range(30)])

    first, html = gallery(client)
    second, _html = gallery(client, "/uk/videos/?page=2")

    assert list(first) == [f"Ролик {n:02}" for n in range(24)]
    assert list(second) == [f"Ролик {n:02}" for n in range(24, 30)]
    assert html.select_one(".pagination a[rel=next]")


def test_empty_gallery_says_so(client, gallery_pages):
    clips, html = gallery(client)

    assert clips == {}
    assert html.select_one(".empty-state")


# The layout's queries (site, page, menus, language versions: 13) and the gallery's 4: the count,
# one page of clips, their YouTube posters, the posters' renditions.
GALLERY_QUERIES = 17


def poster_image():
    return Image.objects.create(title="Кадр", file=get_test_image_file())


def add_clip_pages(news_index, library, count):
    """``count`` news and as many cases, each with the same YouTube clip, whose poster the server has."""
    start = news_index.get_children().count()
    for number in range(start, start + count):
        NewsPageFactory(parent=news_index, slug=f"clip-{number}", body=[youtube(f"Ролик {number}")])
        CasePageFactory(parent=library, video_url="https://youtu.be/aqz-KE-bpKQ")


def gallery_queries(client):
    client.get("/uk/videos/")  # the site's root paths and the like are cached on the first request
    with CaptureQueriesContext(connection) as queries:
        gallery(client)
    return len(queries)


def test_the_gallery_costs_the_same_queries_however_many_pages_hold_clips(client, site_tree, news_index, gallery_pages):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    VideoPoster.objects.create(video_id="aqz-KE-bpKQ", image=poster_image())
    add_clip_pages(news_index, library, 2)
    few = gallery_queries(client)
    add_clip_pages(news_index, library, 20)

    assert gallery_queries(client) == few <= GALLERY_QUERIES


def test_a_clip_leaves_the_gallery_when_its_page_is_unpublished_and_changes_when_the_page_does(
    client, news_index, gallery_pages
):
    news = NewsPageFactory(parent=news_index, slug="launch", body=[youtube("Ролик про запуск")])
    news.body = [youtube("Новий ролик")]
    news.save_revision().publish()
    assert list(gallery(client)[0]) == ["Новий ролик"]

    news.unpublish()

    assert gallery(client)[0] == {}


def test_a_youtube_poster_fetched_after_publishing_shows_in_the_gallery(client, news_index, gallery_pages):
    NewsPageFactory(parent=news_index, slug="launch", body=[youtube("Ролик про запуск")])
    VideoPoster.objects.create(video_id="aqz-KE-bpKQ", image=poster_image())

    thumbnails = [img["src"] for img in gallery(client)[1].select(".video-card img")]

    assert len(thumbnails) == 1 and thumbnails[0].startswith("/media/images/")


def test_deleting_a_page_takes_its_clips_out_of_the_gallery(client, news_index, gallery_pages):
    NewsPageFactory(parent=news_index, slug="launch", body=[youtube("Ролик про запуск")])

    news_index.delete()  # the news item goes with its index, live until the end

    assert gallery(client)[0] == {}
    assert not VideoClip.objects.exists()
