from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.factories import CaseLibraryPageFactory, CasePageFactory, translate
from tests.news.conftest import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def public_site(site_tree):
    """Something behind every public address: a case library with a case, an event with a registration,
    news with its feeds, an image and a document."""
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    case = CasePageFactory(parent=library, title="Електронна черга", categories=["e-services/e-queue"])
    events = EventIndexPageFactory(parent=site_tree.home_uk)
    translate(events, "en", title="Events")
    event = EventPageFactory(parent=events, title="Вебінар", slug="webinar", registration_open=True, capacity=5)
    registration = RegistrationFactory(event=event)
    news = NewsIndexPageFactory(parent=site_tree.home_uk)
    NewsPageFactory(parent=news, title="Новина", slug="first-news", tags=["черга"])
    Image.objects.create(title="Конференція", file=get_test_image_file())
    Document.objects.create(title="Звіт", file=ContentFile(b"%PDF-1.4\n", name="report.pdf"))
    return SimpleNamespace(
        **vars(site_tree), library=library, case=case, events=events, event=event, registration=registration, news=news
    )
