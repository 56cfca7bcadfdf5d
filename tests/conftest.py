import uuid
from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.models import Page, Site

from home.demo import remove_wagtail_welcome_page
from tests.factories import HomePageFactory, StandardPageFactory, translate

pytest_plugins = ["tests.services", "tests.mailserver", "tests.faults"]


@pytest.fixture(autouse=True)
def default_language(settings):
    """Each test starts in the site's default language, whatever language an earlier request activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def no_video_posters_from_youtube(settings):
    """Publishing a page with a YouTube clip asks YouTube for nothing: tests that fetch posters turn it on."""
    settings.FETCH_VIDEO_POSTERS = False


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    """Each test counts its own submissions: rate-limit counters outlive a test in the cache."""
    settings.RATELIMIT_CACHE_PREFIX = f"rl:{uuid.uuid4().hex}:"


@pytest.fixture
def site_tree(db):
    """Home pages in both languages, a translated "about" page and a Ukrainian-only "news" page."""
    root = Page.get_first_root_node()
    remove_wagtail_welcome_page(root)
    home_uk = HomePageFactory(parent=root, intro="Депозитарій кращих практик")
    home_en = translate(home_uk, "en", title="Home", slug="home-en", intro="Depository of best practices")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home_uk, "site_name": "Depository"}
    )
    about_uk = StandardPageFactory(parent=home_uk, title="Про проєкт", slug="about", show_in_menus=True)
    about_en = translate(about_uk, "en", title="About the project")
    only_uk = StandardPageFactory(parent=home_uk, title="Лише українською", slug="only-uk")
    return SimpleNamespace(home_uk=home_uk, home_en=home_en, about_uk=about_uk, about_en=about_en, only_uk=only_uk)
