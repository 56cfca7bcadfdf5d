"""The admin's listings count their items in words every language can say ("Регіони: 27").

Wagtail's paginator writes the count before the model's plural name ("27 regions"), outside any
translatable string, so no catalogue can give Ukrainian its three plural forms: the listing of
regions said «27 регіони». The label becomes a translatable "name: count", grammatical for any count.
"""

from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.paginator import WagtailPaginator


def items_count_label(paginator):
    return gettext("%(name_plural)s: %(count)s") % {
        "name_plural": capfirst(paginator.verbose_name_plural),
        "count": paginator.count,
    }


def count_items_in_words():
    """Replace Wagtail's label of the number of items under each admin listing."""
    label = cached_property(items_count_label)
    label.__set_name__(WagtailPaginator, "items_count_label")
    WagtailPaginator.items_count_label = label
