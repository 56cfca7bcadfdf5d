"""The statistics page: the library counted by region, category and year.

Every chart has a table beside it for screen readers and for reading.
"""

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from home.models import ContentPage

from .cases import CaseCategory, CasePage
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
        cases = CasePage.objects.live().public().filter(locale_id=self.locale_id)
        context.update(
            library=CaseLibraryPage.objects.live().filter(locale_id=self.locale_id).first(),
            total=cases.count(),
            regions=region_tiles(dict(cases.values_list("region__code").annotate(n=Count("pk")).order_by())),
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
