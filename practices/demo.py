"""Demo content of the case library: the sample cases, and the library and statistics pages in menus."""

import hashlib
import io
import json
import random

from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import HomePage

from .interchange import import_cases
from .models import CaseGalleryImage, CaseLibraryPage, CasePage, StatisticsPage
from .reference_data import DATA_DIR

SAMPLE_FILE = DATA_DIR / "cases-sample.jsonl"
STATISTICS_TITLES = {"uk": "Статистика", "en": "Statistics"}
# The sample cases the home page features, in both languages.
FEATURED_KEYS = ("vinnytsia-e-queue", "lviv-open-data-portal", "mykolaiv-e-petitions")
# The design tokens' colours (site/static/css/tokens.css): paper, surface, accent-soft, ink, accent.
PALETTE = ("#ffffff", "#f3f4f6", "#e9eefc", "#0b0b0c", "#1f4bd1")


def load_demo_cases(stdout):
    summary = import_cases(SAMPLE_FILE)
    if summary.errors:
        raise ValueError(f"{SAMPLE_FILE}: " + "; ".join(str(error) for error in summary.errors))
    keys = {json.loads(line)["key"] for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines() if line.strip()}
    # The sample's figures are illustrative: its pages say so (see case-format.md).
    CasePage.objects.filter(key__in=keys).update(is_demo=True)
    CaseLibraryPage.objects.update(show_in_menus=True)
    ensure_demo_pictures(keys)
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


def ensure_demo_pictures(keys):
    """A picture in the gallery of each sample case that has none, and the featured flag on a few.

    The sample format carries no photos, and cards and the home page are designed around pictures: the
    demo draws an abstract one per case (shapes in the site's colours, different for each case), made
    and published through the page's revisions as an editor's upload would be.
    """
    for case in CasePage.objects.filter(key__in=keys).select_related("locale"):
        if case.gallery_images.exists():
            continue
        with translation.override(case.locale.language_code):
            title = _("Illustration: %(title)s") % {"title": case.title}
        image = get_image_model().objects.create(
            title=title, file=ImageFile(demo_picture(case.key), name=f"demo-{case.key}.png")
        )
        case.gallery_images.add(CaseGalleryImage(image=image))
        case.featured = case.key in FEATURED_KEYS
        case.save_revision().publish()


def demo_picture(key, size=(1200, 800)):
    """A PNG of overlapping cards and a disc, laid out from ``key`` so each case gets its own."""
    shapes = random.Random(hashlib.sha256(key.encode()).digest())  # noqa: S311 - a layout, not a secret
    paper, surface, soft, ink, accent = PALETTE
    width, height = size
    picture = PILImage.new("RGB", size, shapes.choice((surface, soft)))
    draw = ImageDraw.Draw(picture)
    radius = shapes.randint(height // 4, height // 2)
    centre = (shapes.randint(width // 2, width), shapes.randint(0, height // 2))
    draw.ellipse([centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius], fill=accent)
    for column in range(shapes.randint(3, 5)):
        left = 80 + column * shapes.randint(170, 230)
        top = shapes.randint(height // 3, height - 260)
        fill = shapes.choice((paper, paper, ink))
        draw.rounded_rectangle([left, top, left + 200, height + 40], radius=36, fill=fill)
        for line in range(3):
            y = top + 48 + line * 36
            draw.rounded_rectangle(
                [left + 32, y, left + 200 - 32 - line * 30, y + 14], radius=7, fill=paper if fill == ink else surface
            )
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    output.seek(0)
    return output
