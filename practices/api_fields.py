"""Serializer fields for CasePage.api_fields: related objects as small JSON objects.

The return annotations are the fields' shapes in the API's OpenAPI schema (depository/api_schema.py).
"""

from django.utils.translation import get_language
from rest_framework.fields import Field
from typing_extensions import TypedDict  # the schema generator needs it before Python 3.12


class RegionDict(TypedDict):
    code: str
    name: str


class CategoryDict(TypedDict):
    slug: str
    path: str
    name: str


class AdoptionDict(TypedDict):
    community: str
    region: str
    year: int | None
    key: str | None


class ContactDict(TypedDict):
    name: str
    position: str
    email: str
    phone: str


def request_language(serializer_field):
    request = serializer_field.context.get("request")
    return (request.GET.get("locale") if request else None) or get_language()


class RegionField(Field):
    """``{"code", "name"}`` with the name in the request's language."""

    def to_representation(self, region) -> RegionDict:
        name = region.name_en if request_language(self) == "en" else region.name_uk
        return {"code": region.code, "name": name}


class CategoriesField(Field):
    """The case's categories as ``{"slug", "path", "name"}``, named in the case's own language."""

    prefetch_related = ("category__parent",)

    def to_representation(self, case_categories) -> list[CategoryDict]:
        return [
            {"slug": item.category.slug, "path": item.category.path, "name": item.category.name}
            for item in case_categories.all()
        ]


class RowsField(Field):
    """Inline rows as a list of objects with the given attributes."""

    def __init__(self, *attributes, **kwargs):
        self.attributes = attributes
        super().__init__(**kwargs)

    def to_representation(self, rows) -> list[dict[str, str]]:
        return [{name: getattr(row, name) for name in self.attributes} for row in rows.all()]


class AdoptionsField(Field):
    prefetch_related = ("region", "adopter_case")

    def to_representation(self, adoptions) -> list[AdoptionDict]:
        return [
            {
                "community": adoption.community,
                "region": adoption.region.code,
                "year": adoption.year,
                "key": adoption.adopter_case.key if adoption.adopter_case else None,
            }
            for adoption in adoptions.all()
        ]


class TagsField(Field):
    def to_representation(self, tags) -> list[str]:
        return sorted(tag.name for tag in tags.all())


class CaseKeyField(Field):
    def to_representation(self, case) -> str | None:
        return case.key if case else None


class NameField(Field):
    def to_representation(self, value) -> str | None:
        return value.name if value else None


class PublicContactField(Field):
    """The contact, present only where the person consented (``CasePage.public_contact``)."""

    def to_representation(self, contact) -> ContactDict | None:
        return contact
