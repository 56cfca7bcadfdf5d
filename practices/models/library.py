"""The case library: the page under which cases live and through which visitors browse them."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from home.models import ContentPage
from practices.browse import SORTS, CaseFilters, apply_filters, facet_counts, sorted_cases, with_adoption_count

from .cases import Award, CaseCategory, CasePage, Level, Status
from .reference import Category, Region
from .tile_map import region_tiles

CASES_PER_PAGE = 24


class CaseLibraryPage(ContentPage):
    """Browse the cases beneath it by category, region, level, year, status, award and adoption."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.CasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case library")
        verbose_name_plural = _("case libraries")

    def cases(self):
        """Every live case of this library, with its adoption count for sorting and filtering."""
        return with_adoption_count(CasePage.objects.child_of(self).live().public())

    def serve(self, request, *args, **kwargs):
        from practices.downloads import FORMATS  # it imports the models: not at the top

        file_format = request.GET.get("format")
        if file_format in FORMATS:
            return self.download(request, CaseFilters.from_query(request.GET, self.locale), file_format)
        return super().serve(request, *args, **kwargs)

    def download(self, request, filters, file_format):
        """The live cases that ``filters`` select, as an open-data file (practices/downloads.py)."""
        from practices.downloads import download_response

        cases = apply_filters(self.cases(), filters).order_by("key")
        return download_response(cases, request, file_format, f"cases-{self.locale.language_code}")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = CaseFilters.from_query(request.GET, self.locale)
        cases = sorted_cases(apply_filters(self.cases(), filters), filters)
        cases = cases.select_related("region").prefetch_related(
            Prefetch("case_categories", queryset=CaseCategory.objects.select_related("category__parent")),
            CasePage.card_prefetch(),
        )
        page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
        counts = facet_counts(self.cases(), filters)
        context.update(
            filters=filters,
            cases=page,
            facets=self.facets(counts, filters),
            library=self,
            map_tiles=region_tiles(counts["region"]),
            map_query=filters.as_query(region=""),
        )
        return context

    def facets(self, counts, filters):
        """Facet values with their labels, counts and the query string that selects them."""

        def option(facet, value, label, count):
            selected = getattr(filters, facet) == value
            return {
                "value": value,
                "label": label,
                "count": count,
                "selected": selected,
                "query": filters.as_query(**{facet: "" if selected else value}),
            }

        categories = Category.objects.filter(locale=self.locale).select_related("parent")
        tree = []
        for category in categories:
            if category.parent_id is None:
                tree.append(
                    {
                        **option("category", category.path, category.name, counts["category"].get(category.path, 0)),
                        "children": [],
                    }
                )
        by_path = {item["value"]: item for item in tree}
        for category in categories:
            if category.parent_id and category.parent.path in by_path:
                by_path[category.parent.path]["children"].append(
                    option("category", category.path, category.name, counts["category"].get(category.path, 0))
                )
        regions = [
            option("region", region.code, region.name, counts["region"].get(region.code, 0))
            for region in Region.objects.all()
        ]
        return {
            "category": tree,
            "region": sorted(regions, key=lambda item: (-item["count"], item["label"])),
            "level": [option("level", v, label, counts["level"].get(v, 0)) for v, label in Level.choices],
            "status": [option("status", v, label, counts["status"].get(v, 0)) for v, label in Status.choices],
            "award": [option("award", v, label, counts["award"].get(v, 0)) for v, label in Award.choices],
            "year": sorted(counts["year"].items()),
            "adopted": {"count": counts["adopted"], "query": filters.as_query(adopted=not filters.adopted)},
            "sort": [
                {
                    "value": value,
                    "label": label,
                    "query": filters.as_query(sort=value),
                    "selected": filters.sort == value,
                }
                for value, (label, _order) in SORTS.items()
            ],
        }
