"""Serializer fields for PublicationPage.api_fields."""

from rest_framework.fields import Field
from typing_extensions import TypedDict  # the schema generator needs it before Python 3.12

from home.site_url import absolute_url


class DocumentDict(TypedDict):
    title: str
    url: str
    format: str
    size: int | None


class DocumentsField(Field):
    """The publication's files as ``{"title", "url", "format", "size"}``, the URL absolute."""

    def to_representation(self, documents) -> list[DocumentDict]:
        return [
            {
                "title": item.display_title,
                "url": absolute_url(item.document.url),
                "format": item.file_format,
                "size": item.file_size,
            }
            for item in documents.select_related("document")
        ]
