"""Admin wiring of the case library: the classifier, organisations and regions as snippets.

The region and category choosers the case editor opens list regions in alphabetical order of their
names in the editor's language and the classifier as a tree, and both have a search box.
"""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from depository.hooks import API_PAGE_FILTERS, FOOTER_LINKS, HOME_SECTIONS, LOAD_DEMO, SEARCH_FACET_LABELS, VIDEO_CLIPS

from .api import CaseFilter
from .demo import load_demo_cases
from .models import CaseCategory, CaseLibraryPage, CasePage, Category, Organisation, Region


class LabelSearchFilterMixin(forms.Form):
    """A chooser's search box matching the words of each item's label (and code or slug), in any case.

    Wagtail's own chooser search needs the model in the search index; these lists are short
    reference data, matched here in Python because SQLite compares Cyrillic case-sensitively.
    """

    q = forms.CharField(
        label=gettext_lazy("Search term"),
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Search")}),
        required=False,
    )
    #: Model fields matched besides the label.
    searched_fields = ()

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            words = query.casefold().split()
            matching = [
                item.pk
                for item in objects
                if all(
                    word in " ".join([str(item), *(getattr(item, name) for name in self.searched_fields)]).casefold()
                    for word in words
                )
            ]
            objects = objects.filter(pk__in=matching)
            self.is_searching = True
            self.search_query = query
        return objects


class RegionFilterForm(LabelSearchFilterMixin, BaseFilterForm):
    searched_fields = ("code", "name_uk", "name_en")


class CategoryFilterForm(LocaleFilterMixin, LabelSearchFilterMixin, BaseFilterForm):
    searched_fields = ("slug",)


def chooser_viewset_class(filter_form, object_list):
    """A snippet chooser with ``filter_form`` as its search and filters, listing ``object_list(model)``."""
    views = {"filter_form_class": filter_form, "get_object_list": lambda view: object_list(view.model_class)}
    return type(
        f"{filter_form.__name__}ChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ChooseView", (ChooseView,), views),
            "choose_results_view_class": type("ChooseResultsView", (ChooseResultsView,), views),
        },
    )


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    chooser_viewset_class = chooser_viewset_class(
        CategoryFilterForm, lambda model: model.objects.select_related("parent").as_tree(get_language())
    )
    menu_label = gettext_lazy("Classifier")
    list_display = ["__str__", "slug", "locale"]
    list_filter = ["locale", "parent"]
    search_fields = ["name", "slug"]
    ordering = ["parent__sort_order", "sort_order", "name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "region", "locale"]
    list_filter = ["locale", "region"]
    search_fields = ["name"]


class RegionFilterSet(WagtailFilterSet):
    class Meta:
        model = Region
        fields = ["kind"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["code", "name_uk", "name_en", "kind"]
    filterset_class = RegionFilterSet
    search_fields = ["code", "name_uk", "name_en"]
    ordering = ["code"]
    inspect_view_enabled = True
    chooser_viewset_class = chooser_viewset_class(RegionFilterForm, lambda model: model.objects.alphabetical())


class CaseLibraryViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Case library")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (CategoryViewSet, OrganisationViewSet, RegionViewSet)


register_snippet(CaseLibraryViewSetGroup)


@hooks.register("before_delete_snippet")
def refuse_to_delete_categories_in_use(request, instances):
    """Say why a category that classifies cases, or has subcategories, cannot be deleted."""
    categories = [instance for instance in instances if isinstance(instance, Category)]
    if not categories:
        return None
    for category in categories:
        cases = CaseCategory.objects.filter(category=category).values("page").distinct().count()
        children = category.children.count()
        if cases or children:
            messages.error(
                request,
                _(
                    "“%(category)s” cannot be deleted while cases or subcategories use it "
                    "(cases: %(cases)d, subcategories: %(children)d)."
                )
                % {"category": category, "cases": cases, "children": children},
            )
            return redirect("wagtailsnippets_practices_category:list")
    return None


@hooks.register(API_PAGE_FILTERS)
def case_api_filters():
    return [CaseFilter]


@hooks.register(HOME_SECTIONS, order=-30)
def library_at_a_glance(request, home_page):
    """The home page's first figures: how many cases, from how many communities and regions."""
    cases = CasePage.objects.live().public().filter(locale_id=home_page.locale_id)
    figures = cases.aggregate(
        cases=Count("pk"),
        communities=Count("community", distinct=True, filter=~Q(community="")),
        regions=Count("region", distinct=True),
    )
    if not figures["cases"]:
        return None
    library = CaseLibraryPage.objects.live().filter(locale_id=home_page.locale_id).first()
    return "practices/includes/home_glance.html", {**figures, "library": library}


@hooks.register(HOME_SECTIONS, order=-10)
def featured_and_latest_cases(request, home_page):
    cases = (
        CasePage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id)
        .select_related("region")
        .prefetch_related(CasePage.card_prefetch())
    )
    latest = list(cases.order_by("-first_published_at")[:3])
    if not latest:
        return None
    featured = list(cases.filter(featured=True).order_by("-first_published_at")[:3])
    library = CaseLibraryPage.objects.live().filter(locale_id=home_page.locale_id).first()
    return "practices/includes/home_cases.html", {"featured": featured, "latest": latest, "library": library}


hooks.register(LOAD_DEMO, load_demo_cases)


@hooks.register(VIDEO_CLIPS)
def case_video(page):
    """A case's video address or uploaded video, for the video gallery."""
    if not isinstance(page, CasePage) or not (page.video_url or page.video_file_id):
        return []
    return [{"title": page.title, "url": page.video_url, "document": page.video_file}]


@hooks.register(SEARCH_FACET_LABELS)
def case_facet_labels(facet, values, language_code):
    if facet == "region":
        name = "name_en" if language_code == "en" else "name_uk"
        return dict(Region.objects.filter(code__in=values).values_list("code", name))
    if facet == "category":
        categories = Category.objects.filter(locale__language_code=language_code).select_related("parent")
        return {category.path: category.name for category in categories if category.path in values}
    return None


@hooks.register(FOOTER_LINKS)
def open_data_link(request, home_page):
    library = CaseLibraryPage.objects.live().public().filter(locale_id=home_page.locale_id).first()
    return [(_("Open data"), library.get_url(request) + "#open-data")] if library else []
