"""The statistics page: the library counted by region, category and year.

Every chart has a table beside it for screen readers and for reading.
"""

from django.utils.translation import gettext_lazy as _

from home.models import ContentPage
from practices.browse import CaseFilters, facet_counts, with_adoption_count

from .cases import CasePage
from .library import CaseLibraryPage
from .reference import Category
from .tile_map import region_tiles


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
        cases = with_adoption_count(CasePage.objects.live().public().filter(locale_id=self.locale_id))
        # The same counts as the library's facets, without any filter.
        counts = facet_counts(cases, CaseFilters())
        categories = Category.objects.filter(locale_id=self.locale_id, parent=None)
        category_bars = self.bars((category.name, counts["category"].get(category.slug, 0)) for category in categories)
        for bar, category in zip(category_bars, categories, strict=True):
            bar["query"] = f"category={category.slug}"
        context.update(
            library=CaseLibraryPage.objects.live().filter(locale_id=self.locale_id).first(),
            total=cases.count(),
            regions=region_tiles(counts["region"]),
            categories=category_bars,
            years=self.bars(sorted(counts["year"].items())),
        )
        return context

    @staticmethod
    def bars(pairs):
        """``(label, count)`` pairs with each bar's share of the largest, in per cent."""
        pairs = list(pairs)
        largest = max((count for _label, count in pairs), default=0) or 1
        return [{"label": label, "count": count, "percent": round(100 * count / largest)} for label, count in pairs]
