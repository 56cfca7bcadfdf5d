"""The site's addresses plus a stand-in for the participants' "start an entry" address, for tests on a
checkout where the participants' screens are not installed (see ``entry_route`` in test_contest_page)."""

from django.http import HttpResponse
from django.urls import include, path

from depository.urls import handler400, handler404, handler500  # noqa: F401 - the site's error pages
from depository.urls import urlpatterns as site_urlpatterns


def start_entry(request, contest_id):
    return HttpResponse()


entry_patterns = ([path("start/<int:contest_id>/", start_entry, name="start_entry")], "contest")

urlpatterns = [path("contest-entries/", include(entry_patterns)), *site_urlpatterns]
