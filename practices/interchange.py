"""The case interchange format (``practices/data/case-format.md``): validation, import and export.

A file may hold a whole catalogue, so both directions stream. Validation reads the file one line at a
time and keeps only the keys it has seen; import reads the file again for each pass (Ukrainian records
first, so that the other languages become their translations) instead of holding records in memory;
export walks the database in chunks.

Import is idempotent because it does not compare a record with a page field by field: it applies the
record to the page in memory and compares the page's export before and after, so whatever the format
does not distinguish (an omitted empty field, the default status, the order of tags, a reference to a
case that does not exist) never counts as a change.
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, slug_re
from django.db import transaction
from django.db.models import Case, When
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from .models import (
    Award,
    CaseAdoption,
    CaseCategory,
    CaseIndicator,
    CaseLibraryPage,
    CaseLink,
    CasePage,
    Category,
    Level,
    Organisation,
    Region,
    Status,
)
from .models.cases import FIRST_YEAR, KEY_PATTERN, LAST_YEAR, validate_video_url

LOCALES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
SOURCE_LOCALE = "uk"  # cases are written in Ukrainian first; the other languages translate them
LIBRARY_TITLES = {"uk": "Бібліотека кейсів", "en": "Case library"}
LIBRARY_SLUG = "cases"

# The format's fields, in the order export writes them.
FIELDS = (
    "key",
    "locale",
    "title",
    "summary",
    "problem",
    "solution",
    "results",
    "replication",
    "region",
    "community",
    "level",
    "organization",
    "year",
    "categories",
    "tags",
    "indicators",
    "links",
    "video_url",
    "status",
    "nomination",
    "award",
    "adapted_from",
    "adopted_by",
    "contact",
)
REQUIRED = frozenset({"key", "locale", "title", "summary", "region", "level", "year", "categories"})
TEXTS = ("problem", "solution", "results", "replication")
CONTACT_FIELDS = ("name", "position", "email", "phone")
TAG_MAX_LENGTH = 100  # taggit's Tag.name
URL_MAX_LENGTH = 500  # CaseLink.url and CasePage.video_url
NOMINATION_MAX_LENGTH = 80
# Limits the models do not set (text columns, lists): a 10 MB field made a 19 MB page and a slow
# search. Each is far above what a real case needs; case-format.md states them.
TEXT_MAX_LENGTH = 20_000
CATEGORY_PATH_MAX_LENGTH = 161  # two slugs of 80 and the slash
EMAIL_MAX_LENGTH = 254
MAX_ITEMS = {"categories": 20, "tags": 50, "indicators": 50, "links": 50, "adopted_by": 200}
PROGRESS_EVERY = 500  # records between progress lines, or 1% of the records when that is more
EXPORT_CHUNK_SIZE = 200

KEY_RE = re.compile(KEY_PATTERN)
URL_VALIDATOR = URLValidator(schemes=["http", "https"])
EMAIL_VALIDATOR = EmailValidator()


@dataclass(frozen=True)
class LineError:
    line: int
    field: str
    reason: str

    def __str__(self):
        return f"line {self.line}: {self.field}: {self.reason}"


@dataclass
class Summary:
    """What an import did; ``valid`` counts the records that passed validation, imported or not."""

    valid: int = 0
    invalid: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[LineError] = field(default_factory=list)


@dataclass(frozen=True)
class Lookups:
    """The reference data records point at, loaded once per import: a few dozen rows."""

    regions: dict[str, Region]
    categories: dict[tuple[str, str], Category]  # (language code, slug path) -> category

    @classmethod
    def load(cls):
        categories = Category.objects.select_related("locale", "parent")
        return cls(
            regions={region.code: region for region in Region.objects.all()},
            categories={(category.locale.language_code, category.path): category for category in categories},
        )


# --- Validation ---------------------------------------------------------------------------------
# A check takes a value and yields (suffix, reason) pairs; the suffix continues the field's name into
# nested values, as in ``links[2].url``. Most checks are made by ``_simple`` from a function that
# returns the reason a value is wrong, or None.


def _simple(test):
    def check(value):
        reason = test(value)
        if reason:
            yield "", reason

    return check


def _text(max_length=None, blank=True):
    def test(value):
        if not isinstance(value, str):
            return _("must be a string")
        if not blank and not value.strip():
            return _("must not be empty")
        if max_length and len(value) > max_length:
            return _("must be at most %(limit)d characters long, not %(length)d") % {
                "limit": max_length,
                "length": len(value),
            }
        return None

    return _simple(test)


def _choice(values):
    return _simple(lambda value: None if value in values else _("must be one of: %s") % ", ".join(values))


def _key(value):
    if isinstance(value, str) and KEY_RE.match(value):
        return None
    return _("must be 3 to 80 lowercase Latin letters, digits and hyphens")


def _year(value):
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return None
    return _("must be a whole number from %(first)d to %(last)d") % {"first": FIRST_YEAR, "last": LAST_YEAR}


def _url(value):
    if isinstance(value, str) and len(value) <= URL_MAX_LENGTH:
        try:
            URL_VALIDATOR(value)
            return None
        except ValidationError:
            pass
    return _("must be an http or https address of at most %d characters") % URL_MAX_LENGTH


def _video_url(value):
    reason = _url(value)
    if reason:
        return reason
    try:
        validate_video_url(value)
    except ValidationError as error:
        return error.messages[0]
    return None


def _email(value):
    if isinstance(value, str) and len(value) <= EMAIL_MAX_LENGTH:
        try:
            EMAIL_VALIDATOR(value)
            return None
        except ValidationError:
            pass
    return _("must be a valid e-mail address of at most %d characters") % EMAIL_MAX_LENGTH


def _nomination(value):
    if isinstance(value, str) and len(value) <= NOMINATION_MAX_LENGTH and slug_re.match(value):
        return None
    return _("must be a slug of at most %d Latin letters, digits, hyphens and underscores") % NOMINATION_MAX_LENGTH


def _boolean(value):
    return None if isinstance(value, bool) else _("must be true or false")


def _object(schema, required=frozenset()):
    """Check a JSON object: no unknown fields, the required ones present; an optional null or "" is absent."""

    def check(value):
        if not isinstance(value, dict):
            yield "", _("must be an object")
            return
        for name in value:
            if name not in schema:
                yield f".{name}", _("unknown field")
        for name, field_check in schema.items():
            if name not in value:
                if name in required:
                    yield f".{name}", _("this field is required")
            elif name in required or value[name] not in (None, ""):
                for suffix, reason in field_check(value[name]):
                    yield f".{name}{suffix}", reason

    return check


def _list(item_check, max_items, non_empty=False):
    def check(value):
        if not isinstance(value, list):
            yield "", _("must be a list")
            return
        if non_empty and not value:
            yield "", _("must not be empty")
        if len(value) > max_items:
            yield "", _("must have at most %(limit)d items, not %(count)d") % {"limit": max_items, "count": len(value)}
            return
        for index, item in enumerate(value, 1):
            for suffix, reason in item_check(item):
                yield f"[{index}]{suffix}", reason

    return check


def _record_check(lookups):
    """The check of one record's own fields; categories and sources are checked by ``_record_problems``."""
    region = _simple(
        lambda value: None if isinstance(value, str) and value in lookups.regions else _("unknown region code")
    )
    year = _simple(_year)
    return _object(
        {
            "key": _simple(_key),
            "locale": _choice(LOCALES),
            "title": _text(255, blank=False),
            "summary": _text(600, blank=False),
            **{name: _text(TEXT_MAX_LENGTH) for name in TEXTS},
            "region": region,
            "community": _text(255),
            "level": _choice(Level.values),
            "organization": _text(255),
            "year": year,
            "categories": _list(_text(CATEGORY_PATH_MAX_LENGTH, blank=False), MAX_ITEMS["categories"], non_empty=True),
            "tags": _list(_text(TAG_MAX_LENGTH, blank=False), MAX_ITEMS["tags"]),
            "indicators": _list(
                _object({"label": _text(255, blank=False), "value": _text(255, blank=False)}, {"label", "value"}),
                MAX_ITEMS["indicators"],
            ),
            "links": _list(
                _object({"title": _text(255, blank=False), "url": _simple(_url)}, {"title", "url"}), MAX_ITEMS["links"]
            ),
            "video_url": _simple(_video_url),
            "status": _choice(Status.values),
            "nomination": _simple(_nomination),
            "award": _choice(Award.values),
            "adapted_from": _simple(_key),
            "adopted_by": _list(
                _object(
                    {"community": _text(255, blank=False), "region": region, "year": year, "key": _simple(_key)},
                    {"community", "region", "year"},
                ),
                MAX_ITEMS["adopted_by"],
            ),
            "contact": _object(
                {
                    "name": _text(255),
                    "position": _text(255),
                    "email": _simple(_email),
                    "phone": _text(50),
                    "public": _simple(_boolean),
                }
            ),
        },
        REQUIRED,
    )


def _record_problems(record, lookups, check):
    """Yield (field, reason) for everything wrong with one parsed record on its own."""
    if not isinstance(record, dict):
        yield "record", _("must be a JSON object")
        return
    for suffix, reason in check(record):
        yield suffix.removeprefix("."), reason
    categories, locale = record.get("categories"), record.get("locale")
    if isinstance(categories, list) and locale in LOCALES:
        for index, path in enumerate(categories, 1):
            if isinstance(path, str) and path.strip() and (locale, path) not in lookups.categories:
                yield f"categories[{index}]", _('unknown category "%s"') % path
    if record.get("adapted_from") and record.get("adapted_from") == record.get("key"):
        yield "adapted_from", _("a case cannot be adapted from itself")


@dataclass
class Validation:
    errors: list[LineError]
    invalid_lines: set[int]
    valid: int


def _lines(path):
    """Yield (line number, raw bytes) of each non-blank line, reading one line at a time."""
    with open(path, "rb") as file:
        for number, raw in enumerate(file, 1):
            if raw.strip():
                yield number, raw


def _records(path, wanted):
    """Yield (line number, record) of the lines whose number ``wanted`` accepts."""
    for number, raw in _lines(path):
        if wanted(number):
            yield number, json.loads(raw)


def validate(path, lookups):
    """Check every line of the file, writing nothing; only keys and line numbers are kept in memory."""
    check = _record_check(lookups)
    errors, invalid_lines = [], set()
    first_line = {}  # (key, locale) -> the line it first appeared on
    valid = set()  # (key, locale) of the valid records
    sources = []  # (line, key, locale, adapted_from) of the valid records adapted from another case

    for number, raw in _lines(path):
        try:
            record = json.loads(raw)
        except ValueError as error:  # invalid JSON, or bytes that are not UTF-8
            problems = [("record", _("is not valid JSON: %s") % getattr(error, "msg", error))]
        else:
            problems = list(_record_problems(record, lookups, check))
            identity = (record.get("key"), record.get("locale")) if isinstance(record, dict) else (None, None)
            if _key(identity[0]) is None and identity[1] in LOCALES:
                if identity in first_line:
                    duplicate = {"key": identity[0], "locale": identity[1], "line": first_line[identity]}
                    problems.append(("key", _('"%(key)s" in "%(locale)s" is already on line %(line)d') % duplicate))
                else:
                    first_line[identity] = number
        if problems:
            errors.extend(LineError(number, name, reason) for name, reason in problems)
            invalid_lines.add(number)
        else:
            valid.add(identity)
            if record.get("adapted_from"):
                sources.append((number, *identity, record["adapted_from"]))

    # A source may come later in the file, so sources are checked at the end, until no more lines fall
    # out: a line that falls out takes the lines adapted from it along.
    in_file = {key for key, _locale in valid}
    in_library = set(
        CasePage.objects.filter(key__in={source for *_line, source in sources} - in_file).values_list("key", flat=True)
    )
    while True:
        missing = [
            (line, key, locale, source)
            for line, key, locale, source in sources
            if line not in invalid_lines
            and source not in in_library
            and not any((source, code) in valid for code in LOCALES)
        ]
        if not missing:
            break
        for line, key, locale, source in missing:
            reason = _('no case with the key "%s" in the file or in the library') % source
            errors.append(LineError(line, "adapted_from", reason))
            invalid_lines.add(line)
            valid.discard((key, locale))
    errors.sort(key=lambda error: error.line)
    return Validation(errors, invalid_lines, len(valid))


# --- Import -------------------------------------------------------------------------------------


def import_cases(path, *, dry_run=False, skip_invalid=False, progress=None):
    """Validate the whole file, then import it unless this is a dry run or invalid lines are not to be skipped.

    ``progress`` is a text stream for progress lines on long files, or None to stay quiet.
    """
    lookups = Lookups.load()
    validation = validate(path, lookups)
    summary = Summary(valid=validation.valid, invalid=len(validation.invalid_lines), errors=validation.errors)
    if dry_run or (summary.invalid and not skip_invalid):
        return summary
    importer = _Importer(lookups, summary, progress)
    with transaction.atomic():
        # Wagtail would re-read a page's references on every save of every inline row; once per
        # written page at the end gives the same index in a fraction of the time.
        with disable_reference_index_auto_update():
            importer.run(path, validation.invalid_lines)
        for page in CasePage.objects.filter(pk__in=importer.written):
            ReferenceIndex.create_or_update_for_object(page)
    return summary


class _Importer:
    """Writes validated records as pages; holds the lookups, the counts and the case libraries, no records."""

    def __init__(self, lookups, summary, progress):
        self.lookups, self.summary, self.progress = lookups, summary, progress
        self.locales = {code: Locale.objects.get(language_code=code) for code in LOCALES}
        self.written = set()  # primary keys of the pages created or updated
        self.libraries = {}

    def run(self, path, invalid_lines):
        # Lines that refer to cases not imported yet, with their first outcome: they are applied again at the end.
        pending = {}
        done, every = 0, max(PROGRESS_EVERY, self.summary.valid // 100)
        for source_pass in (True, False):
            for number, record in _records(path, lambda number: number not in invalid_lines):
                if (record["locale"] == SOURCE_LOCALE) != source_pass:
                    continue
                outcome, unresolved = self.save(record)
                if unresolved:
                    pending[number] = outcome
                else:
                    self.count(outcome)
                done += 1
                if self.progress and done % every == 0:
                    total = self.summary.valid
                    self.progress.write(f"{done}/{total} records ({done * 100 // total}%)\n")
        for number, record in _records(path, pending.__contains__):
            outcome, _unresolved = self.save(record)
            self.count(outcome if pending[number] == "unchanged" else pending[number])

    def count(self, outcome):
        setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)

    def save(self, record):
        """Create or update the page of one record; return the outcome and whether a case it refers to is missing."""
        locale = self.locales[record["locale"]]
        page = CasePage.objects.filter(key=record["key"], locale=locale).first()
        created = page is None
        before = export_record(page) if page is not None and page.live else None
        if created:
            page = self.new_page(record["key"], locale)
        unresolved = self.apply(page, record, locale)
        if before is not None and export_record(page) == before:
            return "unchanged", unresolved
        if page.pk is None:
            self.library(locale).add_child(instance=page)
        page.save_revision().publish()
        self.written.add(page.pk)
        return ("created" if created else "updated"), unresolved

    def new_page(self, key, locale):
        """The translation of the Ukrainian case with this key where there is one, otherwise a new unsaved case.

        A new case whose key another language already has (a case written in English first, its
        Ukrainian text imported later) shares that page's translation key: the two are one case.
        """
        library = self.library(locale)
        source = CasePage.objects.filter(key=key, locale=self.locales[SOURCE_LOCALE]).first()
        if source is not None and locale.language_code != SOURCE_LOCALE:
            return source.copy_for_translation(locale)  # a draft under the library of the locale
        page = CasePage(key=key, slug=find_available_slug(library, key), locale=locale, live=False)
        other = CasePage.objects.filter(key=key).exclude(locale=locale).order_by("pk").first()
        taken = other is not None and CasePage.objects.filter(translation_key=other.translation_key, locale=locale)
        if other is not None and not taken.exists():
            page.translation_key = other.translation_key
        return page

    def library(self, locale):
        """The case library of the locale, made on first need: the Ukrainian one under the default site's
        home page, the others as its translations."""
        if locale.pk not in self.libraries:
            library = CaseLibraryPage.objects.filter(locale=locale).first()
            if library is None:
                if locale.language_code == SOURCE_LOCALE:
                    home = Site.objects.get(is_default_site=True).root_page
                    library = CaseLibraryPage(
                        title=LIBRARY_TITLES[SOURCE_LOCALE], slug=LIBRARY_SLUG, locale=locale, live=False
                    )
                    home.add_child(instance=library)
                else:
                    library = self.library(self.locales[SOURCE_LOCALE]).copy_for_translation(locale)
                    library.title = LIBRARY_TITLES[locale.language_code]
                library.save_revision().publish()
            self.libraries[locale.pk] = library
        return self.libraries[locale.pk]

    def apply(self, page, record, locale):
        """Set the page's fields and rows from the record, in memory; return whether a case it refers to is missing."""
        regions, code = self.lookups.regions, locale.language_code
        contact = record.get("contact") or {}
        page.title = record["title"]
        page.intro = record["summary"]
        for name in (*TEXTS, "community", "video_url", "nomination"):
            setattr(page, name, record.get(name) or "")
        page.region = regions[record["region"]]
        page.level = record["level"]
        page.organisation = self.organisation(record.get("organization"), page)
        page.year = record["year"]
        page.status = record.get("status") or Status.ACTIVE
        page.award = record.get("award") or ""
        for name in CONTACT_FIELDS:
            setattr(page, f"contact_{name}", contact.get(name) or "")
        page.contact_public = bool(contact.get("public"))
        page.tags.set(record.get("tags") or [])
        page.case_categories = in_order(
            CaseCategory(category=self.lookups.categories[code, path]) for path in record["categories"]
        )
        page.indicators = in_order(
            CaseIndicator(label=item["label"], value=item["value"]) for item in record.get("indicators") or []
        )
        page.links = in_order(CaseLink(title=item["title"], url=item["url"]) for item in record.get("links") or [])

        page.adapted_from = self.source_case(record.get("adapted_from"), locale)
        unresolved = bool(record.get("adapted_from")) and getattr(page.adapted_from, "locale_id", None) != locale.pk
        adoptions = []
        for item in record.get("adopted_by") or []:
            adopter = CasePage.objects.filter(key=item["key"], locale=locale).first() if item.get("key") else None
            unresolved |= bool(item.get("key")) and adopter is None
            adoptions.append(
                CaseAdoption(
                    community=item["community"], region=regions[item["region"]], year=item["year"], adopter_case=adopter
                )
            )
        page.adoptions = in_order(adoptions)
        return unresolved

    def source_case(self, key, locale):
        """The case this one was adapted from: in the same language where it exists, else in Ukrainian, else any."""
        if not key:
            return None
        preference = Case(When(locale=locale, then=0), When(locale=self.locales[SOURCE_LOCALE], then=1), default=2)
        return CasePage.objects.filter(key=key).alias(preference=preference).order_by("preference", "pk").first()

    def organisation(self, name, page):
        """The organisation of that name in the page's language, created if missing; a new one translates the
        organisation of the Ukrainian case, so the two share a translation key."""
        if not name:
            return None
        organisation = Organisation.objects.filter(locale=page.locale, name=name).first()
        if organisation is not None:
            return organisation
        organisation = Organisation(name=name, locale=page.locale)
        source = Organisation.objects.filter(
            cases__translation_key=page.translation_key, cases__locale=self.locales[SOURCE_LOCALE]
        ).first()
        if (
            source is not None
            and source.locale_id != page.locale_id
            and not Organisation.objects.filter(translation_key=source.translation_key, locale=page.locale).exists()
        ):
            organisation.translation_key = source.translation_key
        organisation.save()
        return organisation


def in_order(rows):
    """Inline rows numbered in the record's order: rows with no ``sort_order`` come back from PostgreSQL in
    any order (only the admin's forms number them), so a case would show and export them shuffled."""
    rows = list(rows)
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows


# --- Export -------------------------------------------------------------------------------------


def export_record(page):
    """The case as a record of the format; empty optional fields are left out. Works on unsaved changes too."""
    contact = {name: getattr(page, f"contact_{name}") for name in CONTACT_FIELDS if getattr(page, f"contact_{name}")}
    if contact or page.contact_public:
        contact["public"] = page.contact_public
    record = {
        "key": page.key,
        "locale": page.locale.language_code,
        "title": page.title,
        "summary": page.intro,
        **{name: getattr(page, name) for name in TEXTS},
        "region": page.region.code,
        "community": page.community,
        "level": page.level,
        "organization": page.organisation.name if page.organisation else None,
        "year": page.year,
        "categories": [item.category.path for item in page.case_categories.all()],
        # Tags are a set: sorted, so that their order is never a difference.
        "tags": sorted(item.tag.name for item in page.tagged_items.all()),
        "indicators": [{"label": item.label, "value": item.value} for item in page.indicators.all()],
        "links": [{"title": item.title, "url": item.url} for item in page.links.all()],
        "video_url": page.video_url,
        "status": page.status,
        "nomination": page.nomination,
        "award": page.award,
        "adapted_from": page.adapted_from.key if page.adapted_from else None,
        "adopted_by": [
            {
                "community": item.community,
                "region": item.region.code,
                "year": item.year,
                "key": item.adopter_case.key if item.adopter_case else None,
            }
            for item in page.adoptions.all()
        ],
        "contact": contact,
    }
    return {name: value for name, value in record.items() if name in REQUIRED or value not in (None, "", [], {})}


def with_export_relations(pages):
    """``pages`` with what export_record reads, fetched a chunk at a time rather than a page at a time."""
    return pages.select_related("locale", "region", "organisation", "adapted_from").prefetch_related(
        "case_categories__category__parent",
        "tagged_items__tag",
        "indicators",
        "links",
        "adoptions__region",
        "adoptions__adopter_case",
    )


def export_cases(language_code=None):
    """Yield the live cases as JSON lines, by key and Ukrainian first, reading the library a chunk at a time."""
    pages = (
        with_export_relations(CasePage.objects.live())
        .alias(source_first=Case(When(locale__language_code=SOURCE_LOCALE, then=0), default=1))
        .order_by("key", "source_first", "locale__language_code")
    )
    if language_code:
        pages = pages.filter(locale__language_code=language_code)
    for page in pages.iterator(chunk_size=EXPORT_CHUNK_SIZE):
        yield json.dumps(export_record(page), ensure_ascii=False)
