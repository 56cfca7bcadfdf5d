"""Filters of the case library in the Wagtail API: by category path and region code."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from .browse import in_category
from .models import CasePage


class CaseFilter(BaseFilterBackend):
    """``?category=parent[/child]`` (with its children) and ``?region_code=UA-05`` on cases."""

    query_parameters = ("category", "region_code")

    def filter_queryset(self, request, queryset, view):
        category = request.GET.get("category")
        region = request.GET.get("region_code")
        if not (category or region):
            return queryset
        if not issubclass(queryset.model, CasePage):
            raise BadRequestError("the category and region_code filters need type=practices.CasePage")
        if region:
            queryset = queryset.filter(region__code=region)
        if category:
            queryset = in_category(queryset, category)
        return queryset
