"""The contest's API fields: its public results, once released, and nothing of entries or people.

The return annotations are the fields' shapes in the API's OpenAPI schema (depository/api_schema.py).
"""

from rest_framework.fields import Field
from typing_extensions import TypedDict  # the schema generator needs it before Python 3.12


class AwardedEntryDict(TypedDict):
    title: str
    community: str
    region: str
    region_name: str
    award: str
    case_url: str | None


class NominationResultsDict(TypedDict):
    key: str
    name: str
    winners: list[AwardedEntryDict]
    finalists: list[AwardedEntryDict]


class ContestResultsField(Field):
    """The winners and finalists of each nomination; null until the results are released."""

    def to_representation(self, results) -> list[NominationResultsDict] | None:
        if results is None:
            return None
        return [
            {
                "key": nomination["key"],
                "name": nomination["name"],
                "winners": [public_entry(entry) for entry in nomination["winners"]],
                "finalists": [public_entry(entry) for entry in nomination["finalists"]],
            }
            for nomination in results
        ]


def public_entry(entry):
    """What the public may know of an awarded entry: never its participant, its scores or its files."""
    return {name: entry[name] for name in AwardedEntryDict.__annotations__}
