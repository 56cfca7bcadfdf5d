import datetime

import factory
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from publications.models import Kind, PublicationDocument, PublicationIndexPage, PublicationPage
from tests.factories import PageFactory


class PublicationIndexPageFactory(PageFactory):
    title = "Публікації"
    slug = "publications"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(PageFactory):
    """A live publication; ``documents`` are Wagtail documents attached in order."""

    title = factory.Sequence(lambda n: f"Публікація {n}")
    kind = Kind.REPORT
    publication_date = datetime.date(2013, 10, 1)

    class Meta:
        model = PublicationPage

    @classmethod
    def _create(cls, model_class, *args, documents=(), **kwargs):
        page = model_class(*args, **{name: value for name, value in kwargs.items() if name != "parent"})
        page.documents = [PublicationDocument(document=document) for document in documents]
        kwargs["parent"].add_child(instance=page)
        page.save_revision().publish()
        return page


@pytest.fixture
def publications_index(site_tree):
    """The Ukrainian publications index, empty."""
    return PublicationIndexPageFactory(parent=site_tree.home_uk)


@pytest.fixture
def make_document(db):
    def make(name="report.pdf", size=2048, title="Аналітичний звіт"):
        return get_document_model().objects.create(title=title, file=ContentFile(b"%" * size, name=name))

    return make
