"""What index pages share: a filter by one of a page type's choices, through the query string."""

from urllib.parse import urlencode


def choice_filter(request, choices, name="kind"):
    """The ``?kind=`` filter over ``choices`` (a Django ``TextChoices``).

    Returns the value to filter by ("" for everything), the value asked for when it is not one of the
    choices ("" otherwise; the page shows everything with a notice), and a link for each choice.
    """
    asked = request.GET.get(name, "").strip()
    value = asked if asked in choices.values else ""
    links = [
        {"value": choice, "label": label, "selected": choice == value, "query": urlencode({name: choice})}
        for choice, label in choices.choices
    ]
    return value, asked if asked and not value else "", links
