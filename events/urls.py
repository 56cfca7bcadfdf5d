"""Public addresses of events outside the page tree, under /<language>/events/."""

from django.urls import path, re_path

from . import views

app_name = "events"

urlpatterns = [
    path("calendar.ics", views.calendar_feed, name="calendar"),
    # At most 18 digits: a longer id fits no database integer (SQLite raised OverflowError on it).
    re_path(r"^(?P<page_id>[0-9]{1,18})\.ics$", views.event_calendar, name="event_calendar"),
    path("registrations/<str:token>/confirm/", views.confirm_registration, name="confirm_registration"),
    path("registrations/<str:token>/cancel/", views.cancel_registration, name="cancel_registration"),
]
