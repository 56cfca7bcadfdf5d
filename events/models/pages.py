"""The events index and the event page: when and where, programme, materials, recordings, registration."""

from itertools import groupby
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.models import SourceImageIOError
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from depository import ratelimits
from home.blocks import VideoBlock
from home.listing import choice_filter
from home.models import BasePage, ContentPage, DocumentRow
from home.site_url import absolute_url, page_url

from ..blocks import ProgrammeBlock
from ..forms import RegistrationForm
from .registrations import AlreadyRegistered, Registration, RegistrationClosed

EVENT_TIME_ZONE = ZoneInfo(settings.TIME_ZONE)  # Europe/Kyiv: events are shown and exported in it
PAST_EVENTS_PER_PAGE = 12
OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search"


class Kind(models.TextChoices):
    CONFERENCE = "conference", _("conference")
    MEETING = "meeting", _("coordination meeting")
    WORKSHOP = "workshop", _("workshop")
    WEBINAR = "webinar", _("webinar")


class EventIndexPage(ContentPage):
    """Upcoming events (soonest first) and past ones (newest first), filtered by kind with ``?kind=``."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind, unknown_kind, kinds = choice_filter(request, Kind)
        events = EventPage.objects.child_of(self).live().public()
        if kind:
            events = events.filter(kind=kind)
        now = timezone.now()
        past = Paginator(events.filter(end__lt=now).order_by("-start", "pk"), PAST_EVENTS_PER_PAGE)
        context.update(
            upcoming=events.filter(end__gte=now).order_by("start", "pk"),
            past=past.get_page(request.GET.get("page")),
            kinds=kinds,
            kind=kind,
            unknown_kind=unknown_kind,
            page_query=urlencode({"kind": kind}) if kind else "",
        )
        return context


class EventMaterial(DocumentRow):
    """A document of the event (slides, papers, the resolution), from the documents library."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="materials")

    class Meta(DocumentRow.Meta):
        verbose_name = _("event material")
        verbose_name_plural = _("event materials")


class EventPage(ContentPage):
    """A conference, meeting, workshop or webinar, with its programme and registration."""

    search_date_field = "start"
    visitor_type = _("event")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.CONFERENCE)
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    cancelled = models.BooleanField(_("cancelled"), default=False, help_text=_("The page stays, marked as cancelled."))
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("For example, the name of the hall."))
    address = models.CharField(_("street address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(
        _("online link"), max_length=500, blank=True, help_text=_("Where to join online, if the event is streamed.")
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=255,
        blank=True,
        help_text=_("Leave blank when the Association organises the event."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the event is shared."),
    )
    sessions = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    recordings = StreamField([("video", VideoBlock())], blank=True, verbose_name=_("recordings"))
    registration_open = models.BooleanField(_("registration open"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Confirmed places; later registrations go to the waiting list. Blank: unlimited."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes at"), null=True, blank=True, help_text=_("Blank: when the event starts.")
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When (Kyiv time)")),
        FieldPanel("cancelled"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldRowPanel([FieldPanel("address"), FieldPanel("city")]), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("organiser"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    programme_panels = [FieldPanel("sessions")]
    materials_panels = [
        InlinePanel("materials", heading=_("Materials"), label=_("Document")),
        FieldPanel("recordings"),
    ]
    registration_panels = [
        FieldPanel("registration_open"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_closes_at")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Event")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(materials_panels, heading=_("Materials and recordings")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = ContentPage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("sessions"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    # Registrations are personal data: never an API field.
    api_fields = ContentPage.api_fields + [
        APIField(name)
        for name in ("kind", "start", "end", "cancelled", "venue", "address", "city", "online_url", "sessions")
    ]
    translatable_fields = ContentPage.translatable_fields + [
        TranslatableField("venue"),
        TranslatableField("address"),
        TranslatableField("city"),
        TranslatableField("organiser"),
        TranslatableField("sessions"),
        TranslatableField("recordings"),
        TranslatableField("materials"),
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("cancelled"),
        SynchronizedField("online_url"),
        SynchronizedField("image"),
        SynchronizedField("registration_open"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_closes_at"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if self.registration_closes_at and self.end and self.registration_closes_at > self.end:
            raise ValidationError({"registration_closes_at": _("Registration must close before the event ends.")})

    # --- Where and when ---------------------------------------------------------------------

    time_zone = EVENT_TIME_ZONE

    @property
    def same_day(self):
        start, end = (timezone.localtime(moment, EVENT_TIME_ZONE).date() for moment in (self.start, self.end))
        return start == end

    @property
    def full_address(self):
        return ", ".join(part for part in (self.address, self.city) if part)

    @property
    def map_url(self):
        """An OpenStreetMap search for the address, or None without one."""
        return f"{OPENSTREETMAP_SEARCH}?{urlencode({'query': self.full_address})}" if self.full_address else None

    @property
    def location_text(self):
        """The venue and address in one line, or the online link, for calendars."""
        return ", ".join(part for part in (self.venue, self.full_address) if part) or self.online_url

    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    # --- Programme ----------------------------------------------------------------------------

    def programme_days(self):
        """The sessions by day, each day's sessions in time order: ``[(date, [session, …]), …]``."""
        sessions = sorted((block.value for block in self.sessions), key=lambda s: (s["date"], s["start_time"]))
        return [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s["date"])]

    @cached_property
    def speakers(self):
        """Every speaker of the programme once, in order of first appearance."""
        found = {}
        for block in self.sessions:
            for speaker in block.value["speakers"]:
                if speaker is not None:
                    found.setdefault(speaker.pk, speaker)
        return list(found.values())

    # --- Registration -------------------------------------------------------------------------

    @cached_property
    def canonical_event(self):
        """The page registrations belong to: the first page of the translation set.

        Every translation of an event is the same event, so places are counted once for all languages.
        """
        if self.pk is None:
            return self
        return EventPage.objects.filter(translation_key=self.translation_key).order_by("pk").first() or self

    def confirmed_count(self):
        return self.canonical_event.registrations.filter(status=Registration.Status.CONFIRMED).count()

    def places_left(self):
        """Free confirmed places, or None when the capacity is unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count(), 0)

    def is_full(self):
        return self.places_left() == 0

    def registration_closed_reason(self, now=None):
        """Why nobody can register now, or None while registration is open."""
        now = now or timezone.now()
        closes_at = self.registration_closes_at or self.start
        if not self.registration_open:
            return gettext("Registration for this event is not open.")
        if self.cancelled:
            return gettext("This event is cancelled.")
        if self.is_past(now):
            return gettext("This event is over.")
        if now >= closes_at:
            closed_at = date_format(timezone.localtime(closes_at, EVENT_TIME_ZONE), "DATETIME_FORMAT")
            return gettext("Registration closed on %(date)s (Kyiv time).") % {"date": closed_at}
        return None

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_registration(request)
        return super().serve(request, *args, **kwargs)

    def serve_registration(self, request):
        """Register the visitor, or show the form again with what went wrong; nothing is saved on error."""
        form = RegistrationForm(request.POST)
        reason = self.canonical_event.registration_closed_reason()
        if reason:
            messages.error(request, reason)
            form = None
        elif limited := ratelimits.check(request, "registration", address=request.POST.get("email")):
            form.add_error(None, limited.message)
            return ratelimits.too_many_requests(
                request,
                limited.message,
                limited.retry_after,
                self.get_template(request),
                self.get_context(request, form=form),
            )
        elif form.is_valid():
            try:
                registration = Registration.objects.register(
                    self, language=self.locale.language_code, **form.cleaned_registrant()
                )
            except RegistrationClosed as closed:
                messages.error(request, closed.reason)
                form = None
            except AlreadyRegistered as duplicate:
                form.add_error("email", duplicate.message)
            else:
                messages.success(request, registration.status_message())
                return redirect(self.get_url(request) + "#registration")
        return TemplateResponse(request, self.get_template(request), self.get_context(request, form=form))

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        event = self.canonical_event  # registration follows the event's first page, in every language
        closed = event.registration_closed_reason()
        context.update(
            programme=self.programme_days(),
            registration_event=event,
            registration_closed=closed,
            registration_form=None if closed else (form or RegistrationForm()),
            places_left=event.places_left(),
        )
        return context

    # --- Metadata ----------------------------------------------------------------------------

    def attendance_mode(self):
        if self.online_url and self.full_address:
            return "MixedEventAttendanceMode"
        return "OnlineEventAttendanceMode" if self.online_url else "OfflineEventAttendanceMode"

    @staticmethod
    def person(speaker):
        person = {"@type": "Person", "name": speaker.name}
        if speaker.organisation:
            person["affiliation"] = {"@type": "Organization", "name": speaker.organisation}
        return person

    def structured_data(self, request):
        """A schema.org Event, with times in Kyiv time and their UTC offset."""
        locations = []
        if self.venue or self.full_address:
            place = {"@type": "Place", "name": self.venue or self.full_address}
            if self.full_address:
                place["address"] = {
                    "@type": "PostalAddress",
                    **({"streetAddress": self.address} if self.address else {}),
                    **({"addressLocality": self.city} if self.city else {}),
                }
            locations.append(place)
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        data = {
            "@type": "Event",
            "name": self.title,
            "startDate": self.start.astimezone(EVENT_TIME_ZONE).isoformat(),
            "endDate": self.end.astimezone(EVENT_TIME_ZONE).isoformat(),
            "eventAttendanceMode": f"https://schema.org/{self.attendance_mode()}",
            "eventStatus": f"https://schema.org/{'EventCancelled' if self.cancelled else 'EventScheduled'}",
            "url": page_url(self, request),
            "description": self.intro or self.search_description,
            "organizer": {
                "@type": "Organization",
                "name": self.organiser
                or gettext("Association of local self-government bodies “E-Governance Cities of Ukraine”"),
            },
            "inLanguage": self.locale.language_code,
        }
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.speakers:
            data["performer"] = [self.person(speaker) for speaker in self.speakers]
        if self.image:
            try:
                data["image"] = absolute_url(self.image.get_rendition("fill-1200x675").url)
            except SourceImageIOError:
                pass  # a lost original file must not take the page down; the description goes without it
        return data

    def social_image(self):
        return self.image or super().social_image()
