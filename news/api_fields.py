"""Serializer fields for NewsPage.api_fields."""

from rest_framework.fields import Field


class TagsField(Field):
    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class RelatedCasesField(Field):
    """``NewsPage.cases()`` as ``{"id", "key", "title", "url"}``."""

    def to_representation(self, cases):
        return [{"id": case.pk, "key": case.key, "title": case.title, "url": case.get_url()} for case in cases]
