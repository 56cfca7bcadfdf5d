"""Serializer fields for PublicationPage.api_fields."""

from rest_framework.fields import Field


class DocumentsField(Field):
    """The publication's files as ``{"title", "url", "format", "size"}``, the URL absolute."""

    def to_representation(self, documents):
        request = self.context.get("request")
        return [
            {
                "title": item.document.title,
                "url": request.build_absolute_uri(item.document.url) if request else item.document.url,
                "format": item.file_format,
                "size": item.file_size,
            }
            for item in documents.select_related("document")
        ]
