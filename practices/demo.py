"""Demo content of the case library: the sample cases, and the library and statistics pages in menus."""

import json

from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.models import HomePage

from .interchange import import_cases
from .models import CaseLibraryPage, CasePage, StatisticsPage
from .reference_data import DATA_DIR

SAMPLE_FILE = DATA_DIR / "cases-sample.jsonl"
STATISTICS_TITLES = {"uk": "Статистика", "en": "Statistics"}


def load_demo_cases(stdout):
    summary = import_cases(SAMPLE_FILE)
    if summary.errors:
        raise ValueError(f"{SAMPLE_FILE}: " + "; ".join(str(error) for error in summary.errors))
    keys = {json.loads(line)["key"] for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines() if line.strip()}
    # The sample's figures are illustrative: its pages say so (see case-format.md).
    CasePage.objects.filter(key__in=keys).update(is_demo=True)
    CaseLibraryPage.objects.update(show_in_menus=True)
    ensure_statistics_pages()
    stdout.write(
        _("Demo cases: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
        % {"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged}
        + "\n"
    )


def ensure_statistics_pages():
    """A statistics page under each home page, the English one a translation of the Ukrainian one."""
    source = None
    for home in HomePage.objects.order_by("pk").select_related("locale"):
        code = home.locale.language_code
        page = StatisticsPage.objects.filter(locale=home.locale).first()
        if page is None and source is not None:
            page = source.copy_for_translation(Locale.objects.get(language_code=code))
            page.title = STATISTICS_TITLES.get(code, page.title)
            page.save_revision().publish()
        elif page is None:
            page = home.add_child(
                instance=StatisticsPage(
                    title=STATISTICS_TITLES.get(code, "Statistics"), slug="statistics", show_in_menus=True
                )
            )
            page.save_revision().publish()
        source = source or page
