from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from jobs.outbox import relay, relay_forever


class Command(BaseCommand):
    help = _("Hand the background work waiting in the outbox to the broker (workers do this too).")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help=_("Relay what is pending now, then stop."))
        parser.add_argument("--interval", type=float, default=1.0, help=_("Seconds between two passes."))

    def handle(self, *args, once, interval, **options):
        if once:
            self.stdout.write(_("%(count)d message(s) relayed.") % {"count": relay()})
        else:
            relay_forever(interval=interval)
