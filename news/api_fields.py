"""Serializer fields for NewsPage.api_fields."""

from rest_framework.fields import Field
from typing_extensions import TypedDict  # the schema generator needs it before Python 3.12


class RelatedCaseDict(TypedDict):
    id: int
    key: str
    title: str
    url: str | None


class RelatedCasesField(Field):
    """``NewsPage.cases()`` as ``{"id", "key", "title", "url"}``."""

    prefetch_related = ("related_cases__case",)

    def to_representation(self, cases) -> list[RelatedCaseDict]:
        return [{"id": case.pk, "key": case.key, "title": case.title, "url": case.get_url()} for case in cases]
