import pytest
from django.urls import reverse

from .conftest import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_editors_can_open_a_new_news_item_and_edit_one(admin_client, news_index, video_file_value):
    news = NewsPageFactory(parent=news_index, slug="clip", body=[{"type": "video_file", "value": video_file_value}])

    add = admin_client.get(reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk]))
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[news.pk]))

    assert add.status_code == edit.status_code == 200
    assert "video_file" in edit.content.decode()


def test_news_can_only_be_added_under_a_news_index(admin_client, site_tree):
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["news", "newspage", site_tree.home_uk.pk]))

    assert response.status_code == 302  # Wagtail sends the editor back with "permission denied"
