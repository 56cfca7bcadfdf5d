"""The statistics page: the library counted by region, category and year.

The map is a tile grid: one square per region, placed roughly where the region lies. It needs no
geographic data, stays legible for the smallest regions, and each tile links to the library
filtered by its region. Every chart has a table beside it for screen readers and for reading.
"""

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from home.models import ContentPage

from .cases import CaseCategory, CasePage
from .library import CaseLibraryPage
from .reference import Category, Region

# (column, row) of each region's tile, west to east and north to south.
TILE_POSITIONS = {
    "UA-07": (0, 0), "UA-56": (1, 0), "UA-18": (2, 0), "UA-32": (3, 0), "UA-74": (4, 0), "UA-59": (5, 0),
    "UA-46": (0, 1), "UA-61": (1, 1), "UA-68": (2, 1), "UA-30": (3, 1), "UA-53": (4, 1), "UA-63": (5, 1),
    "UA-09": (6, 1), "UA-21": (0, 2), "UA-26": (1, 2), "UA-05": (2, 2), "UA-71": (3, 2), "UA-35": (4, 2),
    "UA-12": (5, 2), "UA-14": (6, 2), "UA-77": (1, 3), "UA-51": (2, 3), "UA-48": (3, 3), "UA-65": (4, 3),
    "UA-23": (5, 3), "UA-43": (4, 4), "UA-40": (5, 4),
}  # fmt: skip
TILE_SIZE = 64
SHADES = 5


class StatisticsPage(ContentPage):
    """Counts of the live cases of this page's language."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cases = CasePage.objects.live().public().filter(locale_id=self.locale_id)
        context.update(
            library=CaseLibraryPage.objects.live().filter(locale_id=self.locale_id).first(),
            total=cases.count(),
            regions=self.region_tiles(cases),
            categories=self.category_bars(cases),
            years=self.bars(cases.values_list("year").annotate(n=Count("pk")).order_by("year")),
        )
        return context

    @staticmethod
    def bars(pairs):
        """``(label, count)`` pairs with each bar's share of the largest, in per cent."""
        pairs = list(pairs)
        largest = max((count for _label, count in pairs), default=0) or 1
        return [{"label": label, "count": count, "percent": round(100 * count / largest)} for label, count in pairs]

    def category_bars(self, cases):
        categories = Category.objects.filter(locale_id=self.locale_id, parent=None)
        counts = dict(
            CaseCategory.objects.filter(page__in=cases.values("pk"))
            .annotate(top=Coalesce("category__parent_id", "category_id"))
            .values_list("top")
            .annotate(n=Count("page", distinct=True))
            .order_by()
        )
        bars = self.bars((category.name, counts.get(category.pk, 0)) for category in categories)
        for bar, category in zip(bars, categories, strict=True):
            bar["query"] = f"category={category.slug}"
        return bars

    def region_tiles(self, cases):
        counts = dict(cases.values_list("region__code").annotate(n=Count("pk")).order_by())
        largest = max(counts.values(), default=0) or 1
        tiles = []
        for region in Region.objects.all():
            column, row = TILE_POSITIONS[region.code]
            count = counts.get(region.code, 0)
            tiles.append(
                {
                    "code": region.code,
                    "name": region.name,
                    "count": count,
                    "x": column * TILE_SIZE,
                    "y": row * TILE_SIZE,
                    "shade": 0 if count == 0 else 1 + (SHADES - 1) * count // largest,
                }
            )
        return sorted(tiles, key=lambda tile: (-tile["count"], tile["name"]))
