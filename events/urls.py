"""Public addresses of events outside the page tree, under /<language>/events/."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("<int:page_id>.ics", views.event_calendar, name="event_calendar"),
    path("registrations/<str:token>/confirm/", views.confirm_registration, name="confirm_registration"),
    path("registrations/<str:token>/cancel/", views.cancel_registration, name="cancel_registration"),
]
